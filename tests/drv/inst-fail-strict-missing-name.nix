# derivationStrict without a name.
builtins.derivationStrict { system = "s"; builder = "b"; }
