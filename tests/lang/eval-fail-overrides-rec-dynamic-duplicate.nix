# A dynamic attribute named like an override is defined twice; the error
# names the override's position.
rec {
  ${"a" + ""} = 1;
  __overrides = { a = 2; };
}
