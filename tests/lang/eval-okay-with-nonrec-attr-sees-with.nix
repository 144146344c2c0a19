with { x = 1; }; { x = 2; y = x; }.y
