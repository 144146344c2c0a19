# The algorithm is checked before the path is forced.
builtins.hashFile "sha3" (throw "path")
