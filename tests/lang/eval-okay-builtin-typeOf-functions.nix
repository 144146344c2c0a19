[ (builtins.typeOf ({ a }: a)) (builtins.typeOf builtins.add) (builtins.typeOf (builtins.add 1)) (builtins.typeOf map) (builtins.typeOf import) (builtins.typeOf throw) ]
