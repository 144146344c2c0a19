# A name outside ASCII for builtins.path: Nix prints the first byte of
# the illegal character alone.
derivation { name = "n"; system = "s"; builder = "b"; p = builtins.path { path = ./fixtures/file.txt; name = "café"; }; }
