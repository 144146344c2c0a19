# intersectAttrs takes the attributes, and their positions, from its second
# argument, whichever set is smaller.
let
  p = n: s: builtins.unsafeGetAttrPos n s;
  big = { a = 1; b = 2; c = 3; d = 4; e = 5; f = 6; g = 7; h = 8; i = 9; };
  small = { a = 0;
    i = 0; };
in [
  (p "a" (builtins.intersectAttrs small big))
  (p "i" (builtins.intersectAttrs small big))
  (p "a" (builtins.intersectAttrs big small))
  (p "i" (builtins.intersectAttrs big small))
  (p "b" ({ b = 0; } // builtins.intersectAttrs small big))
  (p "a" (builtins.intersectAttrs small (builtins.fromJSON ''{"a": 1}'')))
  (p "a" (builtins.intersectAttrs (builtins.fromJSON ''{"a": 1}'') small))
]
