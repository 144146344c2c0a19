builtins.hashString "" ""
