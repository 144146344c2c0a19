let a.b = 1; a.c.d = 2; in a
