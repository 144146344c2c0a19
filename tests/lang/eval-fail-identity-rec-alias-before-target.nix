# In a `rec` too, a name bound to a sibling defined after it is a thunk of
# its own, not the sibling's value.
rec {
  first = second;
  second = [ (throw "the element") ];
  r = [ first ] == [ second ];
}.r
