# Copying a path that does not exist.
derivation { name = "n"; system = "s"; builder = "b"; p = ./fixtures/does-not-exist; }
