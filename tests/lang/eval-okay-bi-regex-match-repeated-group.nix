# A repeated group reports its last iteration; a group nested in it keeps
# the value of an earlier iteration when the last one skipped it.
with builtins;
[ (match "(a|b)*" "abba")
  (match "((a)|b)*" "ab")
  (match "((a)|(b))*" "ab")
  (match "(a|b)*" "")
  (match "([a-z]+[0-9])+" "ab1c2") ]
