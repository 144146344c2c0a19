let i = 1; s = "s"; f = x: x; in [ (i ? a) (null ? a) (s ? a) ([ ] ? a) (f ? a) ]
