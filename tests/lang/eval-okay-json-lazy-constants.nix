# args: --json
{ a = 1; b = "x"; c = null; d = true; e = 1.5; }
