# An empty builder with structured attributes.
derivation { name = "n"; system = "s"; builder = ""; __structuredAttrs = true; }
