let f = { a, b }: a; in f { a = 1; c = 2; }
