# toml11 counts columns and underlines in bytes.
builtins.fromTOML "\"é\" = \"éé\"\n\"é\" = 2\n"
