# args must be a list.
derivation { name = "n"; system = "s"; builder = "b"; args = "-c true"; }
