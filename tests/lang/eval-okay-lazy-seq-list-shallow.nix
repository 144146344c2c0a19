builtins.seq [ (throw "a") ] 1
