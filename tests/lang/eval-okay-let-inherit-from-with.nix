with { a = 1; }; let inherit a; in a + 1
