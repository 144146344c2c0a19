# A slash is not allowed in a name.
derivation { name = "a/b"; system = "s"; builder = "b"; }
