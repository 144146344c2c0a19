builtins.attrNames (builtins.tryEval { a = throw "x"; }).value
