# oracle-skip: Nix 2.8 clamps the integer to 64 bits; current Nix (2.34, toml11 4) refuses it
builtins.fromTOML "a = 0o1000000000000000000000"
