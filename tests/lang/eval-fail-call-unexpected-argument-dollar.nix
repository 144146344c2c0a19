let f = { a }: a; in f { "a$b" = 1; a = 2; }
