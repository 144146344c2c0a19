# An args element that is a set.
derivation { name = "n"; system = "s"; builder = "b"; args = [ "a" { } ]; }
