import ./imports/sub/reads-file.nix
