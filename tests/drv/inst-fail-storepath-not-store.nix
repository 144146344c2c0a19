# storePath of a path outside the store.
derivation { name = "n"; system = "s"; builder = "b"; p = builtins.storePath ./fixtures/file.txt; }
