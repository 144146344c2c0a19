# An unknown algorithm is reported before the data is forced.
builtins.hashString "sha3" (throw "data")
