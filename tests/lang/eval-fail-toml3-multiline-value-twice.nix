# A multi-line basic string is underlined on its first line only.
builtins.fromTOML "a = \"\"\"\nxx\nyy\"\"\"\na = 3\n"
