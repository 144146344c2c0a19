import ./imports/value.nix
