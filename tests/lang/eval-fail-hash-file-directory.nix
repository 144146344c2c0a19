builtins.hashFile "sha256" ./.
