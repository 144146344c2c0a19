{ type = "foo"; outPath = "a"; x = 1; } == { type = "foo"; outPath = "a"; x = 2; }
