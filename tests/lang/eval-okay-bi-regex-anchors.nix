# ^ and $ only match at the ends of the string, wherever they appear.
with builtins;
[ (match "^a$" "a") (match "a^b" "ab") (match "a$b" "ab") (match "(^a|b)c" "ac")
  (match "(^a|b)c" "bc") (match "(a|^)b" "b") (match "x(^|a)b" "xb")
  (match "(a$)|b" "a") (match "(^)*" "") (match "(^)*a" "a") ]
