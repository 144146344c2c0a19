# storePath of the store directory itself.
builtins.storePath "/nix/store"
