# __structuredAttrs must be a Boolean.
derivation { name = "n"; system = "s"; builder = "b"; __structuredAttrs = "yes"; }
