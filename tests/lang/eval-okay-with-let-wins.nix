with { x = 1; }; let x = 2; in x
