(import ./imports/lazy.nix).ok
