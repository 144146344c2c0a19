import ./imports/sub/here.nix
