import ./imports/dir == import ./imports/dir/default.nix
