import ./imports/throws.nix
