builtins.hashFile 5 ./eval-fail-hash-file-algo-int.nix
