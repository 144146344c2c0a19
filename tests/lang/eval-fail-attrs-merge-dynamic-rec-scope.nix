# oracle-skip: 2.8 drops the dynamic attributes of a set literal merged into an earlier definition of the same name; current Nix (2.26) keeps them. Expected output from Nix 2.26.3 (oracle.py check-current)
# The merged set is not `rec` (the first definition decides): `c` is not in
# scope for the dynamic attribute of the second.
{
  s = { a = 1; };
  s = rec { c = 1; ${"b" + ""} = c; };
}
