builtins.fromTOML ''
  x = 1
  "a\uD800b" = 1
''
