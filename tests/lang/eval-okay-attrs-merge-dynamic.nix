# oracle-skip: 2.8 drops the dynamic attributes of a set literal merged into an earlier definition of the same name; current Nix (2.26) keeps them. Expected output from Nix 2.26.3 (oracle.py check-current)
# A set literal bound to a name already bound to a set is merged into it,
# its dynamic attributes too, after the set's own.
let
  k = "x";
in
{
  plain = { s = { a = 1; }; s = { ${"b" + ""} = 2; }; };
  several = { s = { x = 1; }; s = { ${"b" + ""} = 2; ${"c" + ""} = 3; }; };
  threeDefinitions = { s = { ${"b" + ""} = 2; }; s = { ${"c" + ""} = 3; }; s = { d = 4; }; };
  afterNestedKey = { s.a = 1; s = { ${"b" + ""} = 2; }; };
  deeper = { s.t = { a = 1; }; s.t = { ${"b" + ""} = 2; }; };
  inLet = let s = { a = 1; }; s = { ${"b" + ""} = 2; }; in s;
  inRec = rec { s = { a = 1; }; s = { ${"b" + ""} = 2; }; };
  # The merged set keeps the first definition's `rec`: the dynamic
  # attribute's value is in its scope.
  intoRec = { s = rec { a = 1; }; s = { ${k} = a; }; };
  fromRec = { s = { a = 1; }; s = rec { ${"b" + ""} = 2; }; };
  nullName = { s = { a = 1; }; s = { ${null} = 2; }; };
  lazyValue = { s = { a = 1; }; s = { ${"b" + ""} = throw "not forced"; }; } ? s;
}
