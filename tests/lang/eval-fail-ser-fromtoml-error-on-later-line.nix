builtins.fromTOML "a = 1\n[t]\nb = 2\nc"
