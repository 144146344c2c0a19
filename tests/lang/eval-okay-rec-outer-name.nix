let x = 1; in rec { y = x + 1; }
