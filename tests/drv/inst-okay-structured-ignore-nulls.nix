# __ignoreNulls together with __structuredAttrs.
{
  on = derivation { name = "s-nulls-on"; system = "s"; builder = "b"; __structuredAttrs = true; __ignoreNulls = true; a = null; b = [ null ]; c = { d = null; }; };
  off = derivation { name = "s-nulls-off"; system = "s"; builder = "b"; __structuredAttrs = true; __ignoreNulls = false; a = null; };
}
