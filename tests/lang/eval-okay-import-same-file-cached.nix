let a = import ./imports/value.nix; b = import ./imports/value.nix; in [ (a == b) ([ a ] == [ b ]) ]
