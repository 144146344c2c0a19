builtins.fromTOML "a = [ 1, 1979-05-27 ]"
