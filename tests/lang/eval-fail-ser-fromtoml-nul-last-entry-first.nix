# oracle-skip: current Nix (2.34) refuses strings holding a NUL (2.8 truncated them); of several, it meets a table's last entry first (the order of its hash table, for small tables), here the table `s`, and in it the last key
builtins.fromTOML ''
  x = "x\u0000"
  [t]
  a = "t\u0000"
  [s]
  b = "s\u0000"
  c = [ "c1\u0000", "c2\u0000" ]
''
