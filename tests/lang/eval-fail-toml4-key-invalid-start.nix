builtins.fromTOML "\$ = 1"
