builtins.hashFile "sha256" "eval-fail-hash-file-relative-string.nix"
