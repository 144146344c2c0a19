[ (builtins.typeOf (6/3)) (builtins.typeOf (6 / 3)) (builtins.typeOf (1.0/0.0)) ]
