import ./imports/curried.nix 3 4
