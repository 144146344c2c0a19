rec { a = 1; b = rec { a = 2; c = a; }; d = b.c + a; }
