# A derivation without a name.
derivation { system = "s"; builder = "b"; }
