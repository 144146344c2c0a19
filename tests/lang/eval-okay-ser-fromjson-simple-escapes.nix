builtins.fromJSON "\"q\\\"b\\\\s\\/n\\nr\\rt\\t\""
