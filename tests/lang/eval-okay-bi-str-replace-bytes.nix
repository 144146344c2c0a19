with builtins;
[ (replaceStrings ["é"] ["e"] "café") (replaceStrings ["\n" "\t"] ["\\n" "\\t"] "a\nb\tc")
  (replaceStrings ["${"$"}{"] ["X"] "a\${b}") (stringLength (replaceStrings [""] ["|"] "é")) ]
