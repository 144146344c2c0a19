let x = 2; in assert x > 1; x
