# With structured attrs, outputs must be a list.
builtins.derivationStrict { name = "n"; system = "s"; builder = "b"; __structuredAttrs = true; outputs = "out"; }
