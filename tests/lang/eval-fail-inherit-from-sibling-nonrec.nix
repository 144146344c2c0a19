{ s = { a = 2; }; inherit (s) a; }
