builtins.fromJSON (throw "the argument")
