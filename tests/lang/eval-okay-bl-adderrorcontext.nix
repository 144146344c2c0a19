[
  (builtins.addErrorContext "not used" 1)
  (builtins.addErrorContext (throw "message is only evaluated on error") 2)
  (builtins.addErrorContext "lazy" { a = 3; })
  (builtins.tryEval (builtins.addErrorContext "context" (throw "caught")))
]
