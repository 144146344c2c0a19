builtins.typeOf (x:x)
