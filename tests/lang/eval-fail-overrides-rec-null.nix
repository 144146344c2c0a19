(rec {
  a = 1;
  __overrides = null;
}).a
