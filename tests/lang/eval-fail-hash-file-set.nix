builtins.hashFile "md5" { }
