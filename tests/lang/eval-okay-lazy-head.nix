builtins.head [ 1 (throw "a") ]
