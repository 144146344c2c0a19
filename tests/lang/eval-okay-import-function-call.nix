import ./imports/fn.nix { a = 1; }
