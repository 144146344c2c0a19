builtins.fromTOML "x = 1\nt = 1979-05-27T24:00:00"
