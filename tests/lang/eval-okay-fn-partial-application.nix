let f = a: b: a - b; g = f 10; in [ (g 1) (g 2) ]
