# Start and length are read as 32-bit C ints.
with builtins;
[ (substring 4294967296 1 "abc") (substring 1 4294967296 "abc")
  (substring 1 4294967297 "abc") (substring 0 2147483648 "abc")
  (substring 4294967297 (-4294967295) "abc") ]
