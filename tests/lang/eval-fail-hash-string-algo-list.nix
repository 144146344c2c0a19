builtins.hashString [ "sha256" ] "abc"
