# storePath needs something that coerces to a path.
builtins.storePath 1
