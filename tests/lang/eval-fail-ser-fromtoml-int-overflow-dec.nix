# oracle-skip: Nix 2.8 clamps the integer to 64 bits; current Nix (2.34, toml11 4) refuses it, its mark just after the number
builtins.fromTOML "a = 1\nb = 9223372036854775808"
