# Negative lengths mean "to the end"; positions past the end give "".
with builtins;
[ (substring 1 (-1) "abc") (substring 1 (-5) "abc") (substring 5 1 "abc")
  (substring 3 1 "abc") (substring 0 0 "abc") (substring 0 100 "abc")
  (substring 2 1 "") (substring 0 9223372036854775807 "abc") ]
