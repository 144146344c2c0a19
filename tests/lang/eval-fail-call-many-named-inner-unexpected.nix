let
  curried = a: (b: { x }: a + b + x);
in
  curried 1 2 { x = 3; y = 4; }
