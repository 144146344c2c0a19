# A dotted key under [a] defines a.b, which [a.b] then defines again.
builtins.fromTOML "[a]\nb.c.d = 1\n[a.b]\nc = 2\n"
