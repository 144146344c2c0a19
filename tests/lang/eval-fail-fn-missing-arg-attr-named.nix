let s = { f = { a }: a; }; in s.f { }
