let s = { a = s; b = 1; }; in s
