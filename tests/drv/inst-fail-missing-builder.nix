# A derivation without a builder.
derivation { name = "n"; system = "s"; }
