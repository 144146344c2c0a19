builtins.hashString "md5" (throw "data")
