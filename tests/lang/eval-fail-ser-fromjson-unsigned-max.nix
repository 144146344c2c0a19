# oracle-skip: Nix 2.8 wraps it to -1; current Nix (2.34) refuses it. The number is refused where it is read, before the syntax error after it
builtins.fromJSON "{\"a\": 18446744073709551615 x"
