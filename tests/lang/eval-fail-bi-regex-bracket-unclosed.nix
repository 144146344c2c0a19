builtins.match "[a" "a"
