builtins.fromTOML ''
  x = 1
  [ foo . "a\uDFFF" ]
''
