let
  s = { a = { b = "x"; }; };
in
  builtins.elemAt [ 1 2 ] s.a.b
