# An error in an attribute surfaces when the derivation is instantiated.
derivation { name = "n"; system = "s"; builder = "b"; a = throw "broken attribute"; }
