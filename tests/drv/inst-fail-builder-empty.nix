# An empty builder counts as missing.
derivation { name = "n"; system = "s"; builder = ""; }
