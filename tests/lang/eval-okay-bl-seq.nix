[
  (builtins.seq { a = throw "shallow"; } 1)
  (builtins.seq [ (throw "shallow") ] 2)
  (builtins.deepSeq { a.b.c = 1; } 3)
  (let r = { a = r; }; in builtins.deepSeq r 4)
  (builtins.deepSeq (x: throw "functions are not entered") 5)
]
