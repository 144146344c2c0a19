builtins.fromTOML ''
  "a.b" = 1
  'c d' = 2
  "" = 3
  1234 = 4
  -_- = 5
  dotted.key.here = 6
  dotted.other = 7
  "é" = 8
''
