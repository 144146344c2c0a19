builtins.match ./a "a"
