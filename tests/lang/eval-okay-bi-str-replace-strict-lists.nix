# oracle-skip: current Nix (2.26) forces an element of `to` only when its pattern is replaced; 2.8 forces every element before the subject. Expected output from Nix 2.26.3 (oracle.py check-current)
# Both lists and every pattern are forced, even when nothing matches; a
# replacement only when its pattern is replaced.
with builtins;
[ (tryEval (replaceStrings ["a" "x"] ["b" (throw "unused")] "abc")).success
  (tryEval (replaceStrings [(throw "f")] [""] "")).success
  (replaceStrings ["a"] ["b"] "ccc") ]
