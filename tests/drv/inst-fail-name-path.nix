# A path is not a name.
derivation { name = ./fixtures/file.txt; system = "s"; builder = "b"; }
