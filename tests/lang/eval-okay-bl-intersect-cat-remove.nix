[
  (builtins.intersectAttrs { a = 1; b = 2; } { b = 3; c = 4; })
  (builtins.intersectAttrs { a = throw "lazy"; } { a = "right"; })
  (builtins.intersectAttrs { } { a = 1; })
  (builtins.catAttrs "a" [ { a = 1; } { b = 2; } { a = 3; } ])
  (builtins.length (builtins.catAttrs "a" [ { a = throw "lazy"; } ]))
  (builtins.removeAttrs { a = 1; b = 2; c = 3; } [ "a" "c" "d" ])
  (builtins.removeAttrs { a = throw "lazy"; b = 2; } [ "a" ])
]
