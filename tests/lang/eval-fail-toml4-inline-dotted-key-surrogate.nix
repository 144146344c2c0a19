builtins.fromTOML ''
  y = { a.b = 1, "c"."\U0000D800" = 2 }
''
