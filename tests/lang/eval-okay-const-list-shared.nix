# A list literal of constants is built once and shared: every evaluation
# still sees an equal, independent list, and forcing one leaves the
# others' printing as Nix has it.
let
  f = x: [ 1 "a" 2.5 null true ];
  g = x: [ [ 1 ] [ ] x ];
  a = f 1;
  b = f 2;
in
[
  (a == b)
  (a ++ [ 3 ])
  a
  (builtins.length (b ++ b))
  (g 7)
  (builtins.elemAt (g 8) 0)
  (map (x: x ++ [ "z" ]) [ [ ] [ "y" ] ])
  (builtins.replaceStrings [ "a" "b" ] [ "1" "2" ] "abcab")
]
