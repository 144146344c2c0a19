# oracle-skip: current Nix (2.26) forces an element of `to` only when its pattern is replaced; 2.8 forces every element before the subject. Expected output from Nix 2.26.3 (oracle.py check-current)
# "a" matches first everywhere, so "ab"'s replacement is not needed;
# after the empty pattern nothing is tried, so neither is the last one.
with builtins;
[ (replaceStrings ["a" "ab"] ["y" (throw "ab")] "aab")
  (replaceStrings ["x" "" "b"] [(throw "x") "-" (throw "b")] "ab") ]
