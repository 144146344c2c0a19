builtins.concatMap "f" (throw "list")
