# oracle-skip: Nix 2.8 clamps the integer to 64 bits; current Nix (2.34, toml11 4) refuses it (-9223372036854775808 is read)
builtins.fromTOML "a = -9223372036854775808\nb = -9_223_372_036_854_775_809"
