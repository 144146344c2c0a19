let
  s = { abc = 1; abd = 2; };
in
  { x = s.abe; }
