builtins.fromTOML "mode = 0o8"
