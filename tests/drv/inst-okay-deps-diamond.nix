# A diamond: two derivations share a dependency; the top one lists each
# input once.
let
  mk = name: deps: derivation { inherit name deps; system = "s"; builder = "b"; };
  base = mk "base" [ ];
  left = mk "left" [ base ];
  right = mk "right" [ base ];
in
mk "top" [ left right base ]
