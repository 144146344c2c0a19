# Deep, mixed nesting (sets in lists in sets), equal and differing at the
# very bottom, and the very same value inside on both sides.
let
  build = leaf: builtins.foldl' (acc: i: { v = [ i { inner = acc; } ]; }) { v = leaf; } (builtins.genList (i: i) 3000);
  shared = build 1;
in
[
  (build 1 == build 1)
  (build 1 == build 2)
  ([ shared ] == [ shared ])
  ({ s = shared; } == { s = build 1; })
]
