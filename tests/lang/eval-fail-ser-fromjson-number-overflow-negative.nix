builtins.fromJSON "-1e400"
