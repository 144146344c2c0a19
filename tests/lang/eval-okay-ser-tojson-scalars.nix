map builtins.toJSON [ null true false "" "x" ]
