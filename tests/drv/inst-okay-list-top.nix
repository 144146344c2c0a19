# A list at the top prints each derivation in order; nested lists too;
# duplicates print twice.
let
  mk = name: derivation { inherit name; system = "s"; builder = "b"; };
  a = mk "a";
in
[ (mk "z") a [ (mk "m") [ a ] ] { inner = mk "in-set"; } ]
