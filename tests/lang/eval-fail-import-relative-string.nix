import "imports/value.nix"
