# oracle-skip: 2.8 drops the dynamic attributes of a set literal merged into an earlier definition of the same name; current Nix (2.26) keeps them. Expected output from Nix 2.26.3 (oracle.py check-current)
let
  s = {
    a = { x = 1; };
    a = { ${"b" + ""} = 2; };
  };
in
builtins.unsafeGetAttrPos "b" s.a
