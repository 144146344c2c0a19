# A line in a multi-line string that looks like a table header is not one.
builtins.fromTOML "a = 1\ns = \"\"\"\n[t]\n\"\"\"\na = 2"
