let
  mk = n: { get = _: n; };
  a = mk 1;
  b = mk 2;
in [ (a.get null) (b.get null) ]
