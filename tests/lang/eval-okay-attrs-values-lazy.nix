builtins.attrNames { a = throw "a"; b = 1; }
