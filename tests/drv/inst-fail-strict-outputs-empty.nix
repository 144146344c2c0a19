# derivationStrict with outputs that split into nothing.
builtins.derivationStrict { name = "n"; system = "s"; builder = "b"; outputs = "  "; }
