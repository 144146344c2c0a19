# An empty pattern matches at every position, the end included.
with builtins;
[ (replaceStrings [""] ["-"] "abc") (replaceStrings ["" "a"] ["-" "X"] "abc")
  (replaceStrings ["a" ""] ["X" "-"] "abc") (replaceStrings [""] ["x"] "")
  (replaceStrings [""] [""] "") (replaceStrings ["b" ""] ["" "."] "abc") ]
