builtins.hashString "sha256" ./.
