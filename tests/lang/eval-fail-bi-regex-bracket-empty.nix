builtins.match "[]" ""
