let
  s = { a = { }; };
in
  s.a.b
