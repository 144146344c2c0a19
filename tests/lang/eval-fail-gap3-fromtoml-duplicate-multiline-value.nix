# The second value spans lines; toml11 underlines at most its first line.
builtins.fromTOML "a = 1\na = [\n  1,\n  2,\n]"
