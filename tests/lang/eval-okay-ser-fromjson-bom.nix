# A leading UTF-8 byte order mark is skipped.
builtins.fromJSON (builtins.fromJSON "\"\\ufeff[1]\"")
