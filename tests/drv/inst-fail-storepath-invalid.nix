# storePath of a store path that does not exist: Nix checks the store.
derivation { name = "n"; system = "s"; builder = "b"; p = builtins.storePath "/nix/store/00000000000000000000000000000000-missing"; }
