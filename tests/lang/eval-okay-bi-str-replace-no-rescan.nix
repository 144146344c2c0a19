# Replacements are not searched again.
with builtins;
[ (replaceStrings ["a" "b"] ["b" "a"] "ab") (replaceStrings ["a"] ["aa"] "aaa")
  (replaceStrings ["x"] ["x"] "xyx") ]
