let x = 1; in assert -x == x - 1 / 1; 1
