let
  f = k: { x }: x * k;
in
  f 2 (if true then 3 else { })
