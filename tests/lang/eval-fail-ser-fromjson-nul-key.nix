# oracle-skip: Nix 2.8 ends the key at the NUL; current Nix (2.34) refuses it as soon as it is read, before its value and before the missing `:`
builtins.fromJSON "{\"k\\u0000\" \"v\\u0000\"}"
