builtins.fromTOML "t = 1979-05-27T07:32:00+25:00"
