# At each position the patterns are tried in list order.
with builtins;
[ (replaceStrings ["ab" "a"] ["X" "Y"] "aab") (replaceStrings ["a" "ab"] ["Y" "X"] "aab")
  (replaceStrings ["a" "a"] ["1" "2"] "aa") (replaceStrings ["aa" "a"] ["1" "2"] "aaa") ]
