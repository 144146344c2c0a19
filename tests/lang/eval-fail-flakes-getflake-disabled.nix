# oracle-skip: the flake builtins are newer than Nix 2.8; current Nix (2.34) binds them in builtins (not as a global name) and refuses a call while the experimental feature flakes is off (the default)
builtins.getFlake "nixpkgs"
