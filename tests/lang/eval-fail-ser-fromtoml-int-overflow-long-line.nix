# oracle-skip: Nix 2.8 clamps the integer; current Nix (2.34, toml11 4) refuses it and shows 30 bytes either side of the mark, each byte that is not ASCII as its value, a CR by its name
builtins.fromTOML "x = 1\n\n\n\n\n\n\n\n\"é\" = 99999999999999999999 # ccccccccccccccccccccccccccccccccccccccc\r\ny = 2\r\nz = 99999999999999999999\r\n"
