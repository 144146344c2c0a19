builtins.hashFile "sha256" 1
