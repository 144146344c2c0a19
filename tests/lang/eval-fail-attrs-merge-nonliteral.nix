let s = { c = 2; }; in { x = s; x.b = 1; }
