let f = { a, bb }: a; in f { a = 1; b = 2; bb = 2; }
