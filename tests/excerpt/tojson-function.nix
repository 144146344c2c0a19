let
  s = { a = 1; f = { x }: x; };
in
  builtins.toJSON s
