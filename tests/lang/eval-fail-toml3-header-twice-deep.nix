# A three-part header written twice, after an array of tables.
builtins.fromTOML "[[a]]\n[a.b]\nx=1\n[a.b]\ny=1\n"
