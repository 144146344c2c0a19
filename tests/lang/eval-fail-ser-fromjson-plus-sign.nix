builtins.fromJSON "+1"
