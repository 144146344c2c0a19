# A function inside structured attributes.
derivation { name = "n"; system = "s"; builder = "b"; __structuredAttrs = true; a = { f = x: x; }; }
