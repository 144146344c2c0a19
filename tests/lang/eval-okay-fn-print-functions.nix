[ builtins.add (builtins.add 1) (x: x) { f = { a }: a; } ]
