let
  s = { a = 1; };
in
  builtins.elemAt [ 1 2 ] s.b
