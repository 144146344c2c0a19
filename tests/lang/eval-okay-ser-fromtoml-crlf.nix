builtins.fromTOML "a = 1\r\nb = \"x\"\r\n"
