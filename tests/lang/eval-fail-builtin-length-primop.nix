builtins.length builtins.length
