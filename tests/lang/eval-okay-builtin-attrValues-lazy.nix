builtins.length (builtins.attrValues { a = throw "x"; })
