# oracle-skip: current Nix (2.34) refuses a string holding a NUL (2.8 truncated it), with an error tryEval does not catch
builtins.tryEval (builtins.fromJSON "\"\\u0000\"")
