# With structured attributes, outputHash must be a string.
derivation { name = "n"; system = "s"; builder = "b"; __structuredAttrs = true; outputHash = 1; }
