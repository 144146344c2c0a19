builtins.hashString "md5" null
