(import ./imports/curpos.nix).line
