import ./imports/chain-a.nix
