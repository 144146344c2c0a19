# oracle-skip: the flake builtins are newer than Nix 2.8; current Nix (2.34) binds them in builtins: they are functions, and only called they need the feature
map (n: builtins.typeOf builtins.${n}) [ "parseFlakeRef" "flakeRefToString" "getFlake" ]
