# [a.b.c] after b.c = {…} under [a].
builtins.fromTOML "[a]\nb.c = {d = 42}\n[a.b.c]\ne = 2\n"
