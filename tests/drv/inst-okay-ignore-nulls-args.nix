# With __ignoreNulls, `args = null` is dropped like any null attribute.
derivation { name = "null-args"; system = "s"; builder = "b"; __ignoreNulls = true; args = null; outputHash = null; }
