# A key defined twice, the definitions ten lines apart, in a table.
builtins.fromTOML ''
  [t]
  a = "first"
  b = 2
  c = 3
  d = 4
  e = 5
  f = 6
  g = 7
  h = 8
  i = 9
  a = [ 1, 2 ]
''
