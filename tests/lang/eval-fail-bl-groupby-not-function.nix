builtins.groupBy null (throw "list")
