# [a.b.c] after b = 1 under [a].
builtins.fromTOML "[a]\nb=1\n[a.b.c]\n"
