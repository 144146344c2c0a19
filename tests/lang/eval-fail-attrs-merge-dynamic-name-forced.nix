# oracle-skip: 2.8 drops the dynamic attributes of a set literal merged into an earlier definition of the same name; current Nix (2.26) keeps them. Expected output from Nix 2.26.3 (oracle.py check-current)
# The merged dynamic attribute's name is evaluated when the set is made.
{
  s = { a = 1; };
  s = { ${throw "the name"} = 1; };
}
