builtins.deepSeq [ (throw "a") ] 2
