map builtins.isFunction [ (x: x) ({ a }: a) builtins.add (builtins.add 1) { __functor = s: x: x; } 1 null "f" ]
