import ./imports/sub/relpath.nix
