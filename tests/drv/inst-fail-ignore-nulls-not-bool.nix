# __ignoreNulls must be a Boolean.
derivation { name = "n"; system = "s"; builder = "b"; __ignoreNulls = 1; }
