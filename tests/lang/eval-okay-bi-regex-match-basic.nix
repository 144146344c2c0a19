# match is anchored at both ends and gives the list of groups, or null.
with builtins;
[ (match "a" "a") (match "a" "b") (match "ab" "abc") (match "b" "ab")
  (match "" "") (match "" "a") (match "a*" "") (match "a*" "aaa") ]
