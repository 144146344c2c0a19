builtins.fromTOML "a = \"\"\"abc"
