# Nested sets are searched only with recurseForDerivations = true;
# values that are not derivations are ignored.
let
  mk = name: derivation { inherit name; system = "s"; builder = "b"; };
in
{
  top = mk "top";
  num = 1;
  str = "not a derivation";
  fn = x: x;
  hidden = { h = mk "hidden"; };
  shown = { recurseForDerivations = true; s = mk "shown"; deeper = { recurseForDerivations = true; d = mk "deeper"; }; notdeeper = { n = mk "not-deeper"; }; };
  off = { recurseForDerivations = false; o = mk "off"; };
  list = [ (mk "in-list") ];
}
