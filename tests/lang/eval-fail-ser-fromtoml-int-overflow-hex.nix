# oracle-skip: Nix 2.8 clamps the integer to 64 bits; current Nix (2.34, toml11 4) refuses a hexadecimal one past 2^63 - 1 (which is read)
builtins.fromTOML "a = 0x7fffffffffffffff\nb = 0x8000_0000_0000_0000"
