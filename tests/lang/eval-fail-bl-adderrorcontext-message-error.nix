# An error in the message replaces the original one.
builtins.addErrorContext (throw "bad message") (throw "original")
