# Duplicate outputs with structured attrs.
derivation { name = "n"; system = "s"; builder = "b"; __structuredAttrs = true; outputs = [ "out" "out" ]; }
