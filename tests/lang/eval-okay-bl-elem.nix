[
  (builtins.elem 1 [ 1.0 ])
  (builtins.elem 1 [ 1 (throw "not reached") ])
  (builtins.elem [ 1 ] [ [ 1 ] ])
  (builtins.elem { a = 1; } [ { a = 1; } ])
  (builtins.elem (x: x) [ (x: x) ])
  (builtins.elem (throw "not forced") [ ])
  (builtins.elem "a" [ "b" "A" ])
  (builtins.elem null [ false null ])
]
