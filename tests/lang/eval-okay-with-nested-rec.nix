let s = rec { a = 1; b = a + 1; }; in with s; with { a = 5; }; [ a b ]
