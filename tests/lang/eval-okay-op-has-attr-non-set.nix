[ (1 ? a) (null ? a) ((x: x) ? a) ([ ] ? a) ("s" ? a) ]
