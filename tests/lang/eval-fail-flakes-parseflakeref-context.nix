# oracle-skip: the flake builtins are newer than Nix 2.8; current Nix (2.34) binds them in builtins; the argument is checked first: a string that refers to no store path
builtins.parseFlakeRef "path:${builtins.toFile "x" "y"}"
