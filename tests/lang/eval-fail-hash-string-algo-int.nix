builtins.hashString 1 "abc"
