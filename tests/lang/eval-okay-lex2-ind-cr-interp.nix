let x = "X"; in ''
  ${x}
  a
    ${x}
''
