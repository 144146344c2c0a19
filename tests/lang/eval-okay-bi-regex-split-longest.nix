# At each position the match that ends furthest wins among alternatives,
# but a repetition that already matched is not retried shorter.
with builtins;
[ (split "(a|ab)c?" "abc") (split "(a|ab)" "abab") (split "(a|x)?(abc|b)?" "abc")
  (split "(ab|a)(bc)?" "abc") (split "a|ab|abc" "abcd") ]
