# An override's position is that of its attribute in `__overrides`; one
# without a position (from `fromJSON`) has none.
let
  s = rec { a = 1; __overrides = { a = 2; b = 3; }; c = 4; };
  j = rec { a = 1; __overrides = builtins.fromJSON "{\"a\":2}"; };
  l = rec { a = 1; __overrides = builtins.listToAttrs [ { name = "a"; value = 2; } ]; };
in
map (n: builtins.unsafeGetAttrPos n s) [ "a" "b" "c" "__overrides" ]
++ [ (builtins.unsafeGetAttrPos "a" j) (builtins.unsafeGetAttrPos "a" l) ]
