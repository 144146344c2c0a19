# A division by zero inside a thunk is reported where the thunk is forced.
let
  f = n: n + 1;
  zero = 0;
in
f (10 / zero)
