let f = x: let y = x * 2; in y + 1; in [ (f 3) (f 10) ]
