# args:
{ a = true; b = false; c = null; d = 1; e = "x"; f = x: x; g = 1.5; h = 1 + 1; }
