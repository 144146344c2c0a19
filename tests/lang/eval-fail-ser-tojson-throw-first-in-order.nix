builtins.toJSON { b = throw "b"; a = throw "a"; }
