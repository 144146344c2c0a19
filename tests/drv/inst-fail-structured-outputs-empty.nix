# Structured attributes with an empty outputs list.
builtins.derivationStrict { name = "n"; system = "s"; builder = "b"; __structuredAttrs = true; outputs = [ ]; }
