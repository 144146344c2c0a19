# A dotted table header written twice, spelt differently.
builtins.fromTOML "[ a . \"b\" ]\n[a.b]\n"
