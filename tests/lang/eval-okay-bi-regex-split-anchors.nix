# ^ matches only at the start of the subject, $ only at its end.
with builtins;
[ (split "^a" "aaa") (split "a$" "aaa") (split "^" "ab") (split "$" "ab")
  (split "^|b" "abc") ]
