# A bad outputHashMode is reported while the attributes are read, before a bad attribute after it.
derivation { name = "n"; system = "s"; builder = "b"; outputHashMode = "nar"; z = { }; }
