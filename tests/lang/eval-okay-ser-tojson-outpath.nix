[
  (builtins.toJSON { outPath = "op"; a = 1; })
  (builtins.toJSON { outPath = 1; })
  (builtins.toJSON { outPath = [ 1 { b = 2; } ]; })
  (builtins.toJSON { outPath = { outPath = "inner"; }; })
  (builtins.toJSON { x = { outPath = "nested"; }; })
]
