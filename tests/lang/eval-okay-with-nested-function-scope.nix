with { a = 1; }; let f = b: a + b; in with { a = 100; }; f 1
