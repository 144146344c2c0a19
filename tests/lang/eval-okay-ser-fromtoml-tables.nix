builtins.fromTOML ''
  [a.b.c]
  d = 1
  [a]
  e = 2
  [x]
  [x.y]
  z = 3
''
