let
  f = a: { x }: c: a + c;
in
  f 1 { y = 2; } 3
