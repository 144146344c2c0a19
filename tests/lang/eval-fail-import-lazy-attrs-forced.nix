(import ./imports/lazy.nix).bad
