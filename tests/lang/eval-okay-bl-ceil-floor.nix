[
  (builtins.ceil 1.5) (builtins.ceil (-1.5)) (builtins.floor 1.5) (builtins.floor (-1.5))
  (builtins.ceil 3) (builtins.floor (-3)) (builtins.ceil (-0.5)) (builtins.floor 0.999)
  (builtins.ceil 1.0e-300) (builtins.floor (-1.0e-300))
  (builtins.floor 9007199254740993) (builtins.ceil 9.2e18)
]
