# Selecting an attribute makes a new value (a thunk), even of a set holding
# the very same one.
let
  t = [ (throw "the element") ];
  s = { inherit t; };
in
[ t ] == [ s.t ]
