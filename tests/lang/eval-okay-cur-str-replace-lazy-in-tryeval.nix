# oracle-skip: current Nix (2.26) forces an element of `to` only when its pattern is replaced; 2.8 forces every element before the subject. Expected output from Nix 2.26.3 (oracle.py check-current)
# tryEval sees the replacement's throw only when it is used.
with builtins;
[ (tryEval (replaceStrings ["a" "x"] ["b" (throw "unused")] "abc")).success
  (tryEval (replaceStrings ["a" "x"] ["b" (throw "used")] "axc")).success ]
