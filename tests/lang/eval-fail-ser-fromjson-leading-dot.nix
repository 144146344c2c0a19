builtins.fromJSON ".5"
