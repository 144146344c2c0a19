let f = { a }: a; in f { "if" = 1; a = 2; }
