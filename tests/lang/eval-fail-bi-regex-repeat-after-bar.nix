builtins.split "a|*" "a"
