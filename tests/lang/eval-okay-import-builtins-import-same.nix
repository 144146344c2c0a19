builtins.import ./imports/value.nix == import ./imports/value.nix
