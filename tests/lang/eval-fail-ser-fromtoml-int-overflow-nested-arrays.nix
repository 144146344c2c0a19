# oracle-skip: Nix 2.8 clamps the integer; current Nix (2.34, toml11 4) refuses it, repeating the error once for each array it is in (the inline table adds none)
builtins.fromTOML "t = { c = [ [ 99999999999999999999 ] ] }"
