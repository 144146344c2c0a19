# oracle-skip: Nix 2.8 wraps a binary integer; current Nix (2.34, toml11 4) refuses it, showing 30 bytes of the line either side of its mark, `...` where it is cut
builtins.fromTOML "a = 0b1000000000000000000000000000000000000000000000000000000000000000"
