[
  (builtins.tryEval 1)
  (builtins.tryEval (throw "x"))
  (builtins.tryEval (assert false; 1))
  (builtins.tryEval (builtins.tryEval (throw "inner")))
  (builtins.tryEval (builtins.deepSeq [ (throw "deep") ] 1))
  (builtins.tryEval <bl-surely-not-in-search-path>)
  (builtins.tryEval (builtins.findFile [ ] "nothing"))
]
