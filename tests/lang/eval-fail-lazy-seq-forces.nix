builtins.seq (throw "seq-forced") 1
