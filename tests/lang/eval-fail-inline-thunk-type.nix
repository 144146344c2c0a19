# An arithmetic thunk over a non-number falls back to ordinary evaluation
# and reports the type error.
let
  f = n: n * 2;
  s = "a";
in
f (s - 1)
