builtins.toJSON { __functor = s: x: x; }
