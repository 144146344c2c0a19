# CR is not normalised in indented strings
''
  a
  b
''
