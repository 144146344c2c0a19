let
  f = k: { x }: x * k;
in
  f 2 { x = 1; y = 2; }
