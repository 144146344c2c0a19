# `u = t;` before `t` is defined: `t` is not stored yet, so `u` gets a thunk
# of its own, a different value from `t`: the lists are compared element
# by element, and the element is forced.
let
  u = t;
  t = [ (throw "the element") ];
in
[ t ] == [ u ]
