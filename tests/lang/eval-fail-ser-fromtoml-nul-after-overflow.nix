# oracle-skip: Nix 2.8 truncated the string and clamped the integer; current Nix (2.34) reads the whole document before its strings become Nix strings, so the integer out of range on a later line is the error
builtins.fromTOML "a = \"x\\u0000\"\nb = 99999999999999999999"
