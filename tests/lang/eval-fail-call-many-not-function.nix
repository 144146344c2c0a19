let
  f = a: a;
in
  f 1 2 3
