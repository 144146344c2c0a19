[
  (builtins.fromJSON " \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n")
  (builtins.fromJSON "\n\n  {  \"a\"  :  1  }  \n")
  (builtins.fromJSON "  \"x\"  ")
]
