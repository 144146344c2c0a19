# placeholder values for a few output names.
map builtins.placeholder [ "out" "dev" "bin" "" "a b" ]
