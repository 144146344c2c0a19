# The same patterns many times (compiled patterns are reused).
with builtins;
let
  xs = genList (i: "item-${toString i}.${if i / 2 * 2 == i then "nix" else "txt"}") 2000;
  nix = filter (x: match ".*\\.nix" x != null) xs;
  nums = map (x: elemAt (match "item-([0-9]+)\\..*" x) 0) xs;
in [ (length nix) (elemAt nums 1999) (length (concatMap (x: split "[.-]" x) xs)) ]
