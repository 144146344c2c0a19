let f = { a }: a; in f { }
