({ a ? args.b, ... }@args: a) { b = 3; }
