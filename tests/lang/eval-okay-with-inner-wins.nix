with { x = 1; }; with { x = 2; }; x
