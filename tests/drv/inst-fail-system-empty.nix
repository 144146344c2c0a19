# An empty system counts as missing.
derivation { name = "n"; system = ""; builder = "b"; }
