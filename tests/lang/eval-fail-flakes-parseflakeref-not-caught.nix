# oracle-skip: the flake builtins are newer than Nix 2.8; current Nix (2.34) binds them in builtins; the disabled feature is an error tryEval does not catch
builtins.tryEval (builtins.parseFlakeRef "nixpkgs")
