# The globals are one value: `builtins.builtins` is `builtins`, and inside
# lists and sets a builtin is equal to itself (the very same value), while
# two functions are otherwise never equal.
[
  ([ builtins ] == [ builtins.builtins ])
  (builtins == builtins.builtins)
  (builtins.builtins.builtins == builtins)
  ({ b = builtins; } == { b = builtins.builtins; })
  ([ abort ] == [ abort ])
  ({ f = throw; } == { f = throw; })
  ([ abort ] == [ builtins.abort ])
  ([ map ] == [ __add ])
  (builtins.attrValues { a = abort; } == [ abort ])
  (let f = builtins.abort; in [ f ] == [ f ])
  (let f = builtins.abort; in builtins.seq f ([ f ] == [ abort ]))
  (abort == abort)
]
