builtins.typeOf (./x + "y")
