[ (builtins.seq 1 2) (builtins.seq [ (throw "a") ] 3) (builtins.seq { a = throw "a"; } 4) ]
