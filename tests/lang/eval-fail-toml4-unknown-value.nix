builtins.fromTOML "enable = yes"
