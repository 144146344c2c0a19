# An unknown algorithm is a usage error: tryEval does not catch it.
builtins.tryEval (builtins.hashString "sha3" "")
