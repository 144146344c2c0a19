builtins.match "[[.+.]]" "+"
