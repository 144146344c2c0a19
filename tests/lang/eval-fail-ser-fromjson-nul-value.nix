# oracle-skip: Nix 2.8 ends the string at the NUL ("ab"); current Nix (2.34) refuses a string holding one, shown with each NUL as ␀
builtins.fromJSON "{\"s\": \"ab\\u0000cd\\u0000\"}"
