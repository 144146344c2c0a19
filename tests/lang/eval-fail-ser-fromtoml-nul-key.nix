# oracle-skip: Nix 2.8 ends the key at the NUL; current Nix (2.34) refuses it, the key before its value
builtins.fromTOML "\"k\\u0000\" = \"v\\u0000\""
