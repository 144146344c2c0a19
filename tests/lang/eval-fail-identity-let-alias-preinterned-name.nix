# Nix stores a `let`'s values in the order their names were first seen by
# its symbol table, which knows the builtins' names (`map`) before the
# file is read: `map` is stored before `zz`, so `map = zz;` is a thunk of
# its own and the element is forced.
let
  zz = [ (throw "the element") ];
  map = zz;
in
[ map ] == [ zz ]
