# oracle-skip: the flake builtins are newer than Nix 2.8; current Nix (2.34) binds them in builtins and refuses a call while the experimental feature flakes is off (the default)
builtins.parseFlakeRef "github:NixOS/nixpkgs/nixos-24.05"
