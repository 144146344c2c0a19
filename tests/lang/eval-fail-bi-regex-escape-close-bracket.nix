builtins.match "\\]" "]"
