# `__overrides` is forced when the set is made, even if only another
# attribute is wanted, and before the names of dynamic attributes.
(rec {
  a = 1;
  ${throw "the name"} = 2;
  __overrides = throw "the overrides";
}).a
