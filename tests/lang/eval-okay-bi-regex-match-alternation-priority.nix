# Alternatives are tried left to right and the first way of matching the
# whole string wins (not POSIX's longest-first subexpressions).
with builtins;
[ (match "(a|ab)(c|bcd)(d*)" "abcd")
  (match "(a*)(ab)*(b*)" "ab")
  (match "(a|ab)(b*)" "ab")
  (match "(ab|a)(b*)" "ab")
  (match "(.*)(.*)" "xy") ]
