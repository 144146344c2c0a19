let
  xs = [ 5 3 8 1 9 2 ];
in [
  (builtins.sort (x: builtins.lessThan x) xs)
  (builtins.sort (a: b: builtins.lessThan b a) xs)
  (builtins.sort { __functor = self: a: b: a < b; } xs)
  (builtins.sort (a: let f = b: a < b; in f) xs)
  (builtins.sort ({ ... }@a: { ... }@b: a.v < b.v) [ { v = 2; } { v = 1; } ] == [ { v = 1; } { v = 2; } ])
]
