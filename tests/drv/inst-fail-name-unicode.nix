# Non-ASCII characters are not allowed in a name.
derivation { name = "héllo"; system = "s"; builder = "b"; }
