# __impure must be a Boolean.
derivation { name = "n"; system = "s"; builder = "b"; __impure = null; }
