# args:
# Printed without --strict: a list literal passed as an argument is still
# an unevaluated value until something forces it, constants or not.
let
  f = x: y: { inherit x y; };
in
[
  (f [ 1 2 ] [ ])
  [ [ "a" ] [ ] [ [ 1 ] ] ]
  (builtins.head [ [ 1 ] ])
]
