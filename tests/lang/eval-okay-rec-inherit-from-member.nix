rec { s = { a = 2; }; inherit (s) a; b = a + 1; }
