builtins.toJSON [ 1 (throw "second") (throw "third") ]
