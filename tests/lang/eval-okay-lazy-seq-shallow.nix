builtins.seq { a = throw "a"; } 1
