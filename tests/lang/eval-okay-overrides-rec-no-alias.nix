# With `__overrides`, every attribute of the `rec` set is a value of its
# own: `b = a;` is not `a`'s value, so the lists are compared element by
# element (without `__overrides`, they are the same value).
let
  with' = rec { a = [ (throw "x") ]; b = a; __overrides = { }; r = [ a ] == [ b ]; };
  without = rec { a = [ 1 ]; b = a; r = [ a ] == [ b ]; };
in
[ (builtins.tryEval with'.r) without.r ]
