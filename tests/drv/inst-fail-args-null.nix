# Without __ignoreNulls, args = null is not a list.
derivation { name = "n"; system = "s"; builder = "b"; args = null; }
