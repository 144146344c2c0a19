with { a = 1; b = 10; }; with { b = 2; }; a + b
