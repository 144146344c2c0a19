builtins.match "[a-z-0]" "a"
