# Nix 2.8 records inherited names just after `inherit` or after `(e)`, the
# same place for every name of one `inherit`.
let
  p = n: s: builtins.unsafeGetAttrPos n s;
  e = { x = 1; y = 2; };
  x = 3;
  y = 4;
in [
  (p "x" { inherit (e) x; })
  (p "y" { inherit (e)   x   y; })
  (p "x" { inherit x; })
  (p "y" { inherit
    x
    y; })
  (p "x" { inherit (e) /* a comment */ x; })
  (p "y" (rec { inherit (e) y; }))
  (p "x" { inherit ({ x = 5; }) x; })
]
