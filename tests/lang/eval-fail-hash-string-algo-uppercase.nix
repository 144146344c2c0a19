builtins.hashString "SHA256" "abc"
