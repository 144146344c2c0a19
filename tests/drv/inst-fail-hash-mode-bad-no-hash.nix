# A bad outputHashMode without an outputHash.
derivation { name = "n"; system = "s"; builder = "b"; outputHashMode = "text"; }
