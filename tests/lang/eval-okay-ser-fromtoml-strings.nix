builtins.fromTOML ''
  basic = "tab\there \u00e9 \U0001F600 \"q\" \\ \b\f\n\r"
  literal = 'C:\Users\nodejs\templates'
  ml = """
  first
  second"""
  mll = ${"'''"}
  raw \n "q"
  text${"'''"}
  cont = """a \
         b"""
''
