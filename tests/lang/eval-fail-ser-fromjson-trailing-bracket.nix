builtins.fromJSON "[]]"
