[
  (builtins.lessThan 1 1.5) (builtins.lessThan "b" "ab") (builtins.lessThan [ 1 ] [ 1 2 ])
  (builtins.lessThan [ 1 (throw "x") ] [ 2 (throw "y") ]) (builtins.lessThan [ ] [ ]) (builtins.lessThan ./a ./b)
]
