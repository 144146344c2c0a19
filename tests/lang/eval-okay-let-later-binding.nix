let a = b + 1; b = c * 2; c = 5; in [ a b c ]
