# __contentAddressed must be a Boolean.
derivation { name = "n"; system = "s"; builder = "b"; __contentAddressed = "yes"; }
