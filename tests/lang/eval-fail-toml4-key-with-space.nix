builtins.fromTOML "first name = \"x\""
