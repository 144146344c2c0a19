[
  (builtins.unsafeGetAttrPos "c" (builtins.functionArgs ({ a, b ? 1 }: a)))
  (builtins.unsafeGetAttrPos "x" (builtins.functionArgs (x: x)))
  (builtins.unsafeGetAttrPos "a" (builtins.functionArgs builtins.map))
]
