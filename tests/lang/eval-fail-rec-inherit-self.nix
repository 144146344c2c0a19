rec { x = 1; inherit x; }
