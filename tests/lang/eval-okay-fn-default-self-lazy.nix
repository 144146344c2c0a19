({ a ? [ 1 a ] }: builtins.length a) { }
