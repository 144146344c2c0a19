let x = 1; in assert x < 0 || x > 2 || x <= 0 || x >= 2; 1
