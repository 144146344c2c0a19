# The same derivation made twice (even from separately written sets with
# the attributes in a different order) is one .drv.
let
  a = derivation { name = "same"; system = "s"; builder = "b"; x = "1"; y = "2"; };
  b = derivation { y = "2"; builder = "b"; x = "1"; system = "s"; name = "same"; };
in
[ a b (derivation { name = "user"; system = "s"; builder = "b"; deps = [ a b ]; }) ]
