let x = 1; in with { x = 2; }; x
