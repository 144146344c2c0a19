let s = { a = s; v = 1; }; in s.a.a.a.v
