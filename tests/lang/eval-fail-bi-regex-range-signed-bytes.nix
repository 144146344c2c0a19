builtins.match "[a-é]" "b"
