builtins.elemAt
  { a = 1; }
  0
