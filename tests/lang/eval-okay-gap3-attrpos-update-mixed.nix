# `//` of a set with positions and one without: each attribute keeps the
# position (or none) of the side it comes from.
let
  p = n: s: builtins.unsafeGetAttrPos n s;
  j = builtins.fromJSON ''{"a": 2, "c": 3}'';
  s = { a = 1; b = 2; };
in [
  (p "a" (s // j))
  (p "b" (s // j))
  (p "c" (s // j))
  (p "a" (j // s))
  (p "c" (j // s))
  (p "a" ((s // j) // { b = 0; }))
  (p "b" ((s // j) // { b = 0; }))
  (p "a" (s // builtins.mapAttrs (n: v: v) { a = 0; }))
  (p "b" (s // builtins.mapAttrs (n: v: v) { a = 0; }))
  (p "a" (s // { }))
]
