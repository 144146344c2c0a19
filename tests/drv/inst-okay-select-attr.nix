# args: -A pkgs.b
# Selecting an attribute path with -A.
let
  mk = name: derivation { inherit name; system = "s"; builder = "b"; };
in
{ pkgs = { a = mk "a"; b = mk "b"; }; other = mk "other"; }
