# toFile with a name that is not a valid store path name.
derivation { name = "n"; system = "s"; builder = "b"; f = builtins.toFile "a b" "x"; }
