let l = [ [ 1 2 ] [ 1 3 ] [ 1 ] [ ] [ 0 9 ] ]; in map (a: map (b: a < b) l) l
