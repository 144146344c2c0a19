# Repetition counts are read as 32-bit C ints: 2^32 is 0, 2^32+1 is 1,
# and 2^31 is negative, which repeats nothing.
with builtins;
[ (match "a{4294967296}" "") (match "a{4294967297}" "a")
  (match "a{2147483648}" "") (match "a{4294967296}" "a") ]
