# Both lists are forced, element by element, even when nothing matches.
with builtins;
[ (tryEval (replaceStrings ["a" "x"] ["b" (throw "unused")] "abc")).success
  (tryEval (replaceStrings [(throw "f")] [""] "")).success
  (replaceStrings ["a"] ["b"] "ccc") ]
