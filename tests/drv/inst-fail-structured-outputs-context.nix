# With structured attributes, output names must not refer to store paths.
let d = derivation { name = "d"; system = "s"; builder = "b"; }; in builtins.derivationStrict { name = "n"; system = "s"; builder = "b"; __structuredAttrs = true; outputs = [ "out${builtins.substring 0 0 "${d}"}" ]; }
