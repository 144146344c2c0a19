builtins.fromJSON "-Infinity"
