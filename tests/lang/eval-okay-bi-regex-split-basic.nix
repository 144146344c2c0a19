# split alternates the text between matches with lists of groups; with no
# match it is the string alone.
with builtins;
[ (split "a" "bab") (split "x" "abc") (split "a" "a") (split "a" "aa")
  (split "," "a,b,,c") (split "(,)" "a,b") (split "a" "") ]
