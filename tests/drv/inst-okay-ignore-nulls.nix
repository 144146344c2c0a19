# __ignoreNulls drops null attributes (and is not in the env itself);
# without it nulls are empty strings and __ignoreNulls = false stays.
{
  on = derivation { name = "nulls-on"; system = "s"; builder = "b"; __ignoreNulls = true; a = null; b = "kept"; c = [ null ]; };
  off = derivation { name = "nulls-off"; system = "s"; builder = "b"; __ignoreNulls = false; a = null; b = "kept"; };
  unset = derivation { name = "nulls-unset"; system = "s"; builder = "b"; a = null; };
}
