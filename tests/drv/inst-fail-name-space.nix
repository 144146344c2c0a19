# A space is not allowed in a name.
derivation { name = "hello world"; system = "s"; builder = "b"; }
