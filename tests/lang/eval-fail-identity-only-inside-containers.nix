# The identity shortcut applies to entries of lists and sets, not to the
# operands of `==` themselves.
let
  t = [ (throw "the element") ];
  u = t;
in
t == u
