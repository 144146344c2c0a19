let v = { a = [ 1 2.5 "x\ny" null true { } [ ] ]; b = "é\t\"q\""; c = { d = -3; }; };
in builtins.fromJSON (builtins.toJSON v) == v
