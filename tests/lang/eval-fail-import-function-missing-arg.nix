import ./imports/fn.nix { }
