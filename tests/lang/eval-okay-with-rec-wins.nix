with { x = 1; }; rec { x = 2; y = x; }.y
