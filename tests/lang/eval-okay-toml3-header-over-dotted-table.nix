# [a.b.c] after b.c.d under [a]: toml11 lets the header add to the table the dotted key made on its way.
builtins.fromTOML "[a]\nb.c.d = 1\n[a.b.c]\ne = 2\n"
