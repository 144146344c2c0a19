# Positions through listToAttrs: an element made by another listToAttrs,
# an element built by `//`, an element without positions (from mapAttrs),
# the first of duplicate names winning, and a name merged with `//`.
let
  inner = builtins.listToAttrs [ { name = "value"; value = 1; } { name = "name"; value = "n"; } ];
  outer = builtins.listToAttrs [
    inner
    ({ name = "b"; } // { value = 2; })
    (builtins.mapAttrs (k: v: v) { name = "c"; value = 3; })
    { name = "d";
      value = 4; }
    { name = "d"; value = 5; }
  ];
  merged = outer // { e = 1; };
  pos = n: s: builtins.unsafeGetAttrPos n s;
in
[ (pos "n" outer) (pos "b" outer) (pos "c" outer) (pos "d" outer) (pos "d" merged) (pos "e" merged) (pos "zz" outer) (pos "value" inner) ]
