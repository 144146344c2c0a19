# storePath on a path in the store made during this evaluation gives a
# string with that path as context, so the derivation gets it as input.
let
  t = builtins.toFile "t.txt" "text";
  sp = builtins.storePath t;
in
derivation { name = "uses-storepath"; system = "s"; builder = "b"; a = sp; b = builtins.storePath "${t}"; }
