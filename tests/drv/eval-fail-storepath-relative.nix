# storePath of a string that is not an absolute path.
builtins.storePath "nix/store/00000000000000000000000000000000-x"
