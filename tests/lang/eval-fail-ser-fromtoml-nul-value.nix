# oracle-skip: Nix 2.8 ends the string at the NUL; current Nix (2.34) refuses a string holding one, shown with each NUL as ␀
builtins.fromTOML "a = \"x\\u0000y\\u0000\""
