# oracle-skip: current Nix (2.34) refuses strings holding a NUL (2.8 truncated them); an array's items are met in order, in multi-line and literal strings too
builtins.fromTOML ''
  a = [ 'ok', """x\u0000""", "y\u0000" ]
''
