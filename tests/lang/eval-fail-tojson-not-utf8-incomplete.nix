# oracle-skip: Nix 2.8 writes the byte as it is; current Nix (2.34) refuses a string that is not UTF-8 in toJSON, in its JSON library's words: here the string ends inside a sequence
builtins.toJSON { a = "ok"; b = [ (builtins.substring 0 1 "é") ]; }
