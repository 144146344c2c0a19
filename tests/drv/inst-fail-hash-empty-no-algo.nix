# An empty outputHash needs an algorithm.
derivation { name = "n"; system = "s"; builder = "b"; outputHash = ""; }
