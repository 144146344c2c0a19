# oracle-skip: 2.8 drops the dynamic attributes of a set literal merged into an earlier definition of the same name; current Nix (2.26) keeps them. Expected output from Nix 2.26.3 (oracle.py check-current)
# Two definitions' dynamic attributes of the same name are one set's.
{
  s = { ${"b" + ""} = 1; };
  s = { ${"b" + ""} = 2; };
}
