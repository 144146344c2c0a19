# The override is the attribute for the set's own code too, so it refers
# to itself here.
(rec {
  a = 1;
  __overrides = { a = a + 1; };
}).a
