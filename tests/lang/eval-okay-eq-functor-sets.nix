let f = { __functor = s: x: x; }; in [ (f == f) ([ f ] == [ f ]) ]
