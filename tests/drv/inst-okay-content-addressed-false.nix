# __contentAddressed = false and __impure = false are allowed and, like
# __ignoreNulls, are not passed to the builder.
{
  a = derivation { name = "ca-false"; system = "s"; builder = "b"; __contentAddressed = false; __impure = false; };
  b = derivation { name = "ca-false-structured"; system = "s"; builder = "b"; __structuredAttrs = true; __contentAddressed = false; __impure = false; };
}
