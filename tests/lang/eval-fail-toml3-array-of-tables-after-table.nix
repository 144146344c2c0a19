# [[a]] after [a].
builtins.fromTOML "[a]\n[[a]]\n"
