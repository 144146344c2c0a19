# [[a]] after a = 1.
builtins.fromTOML "a = 1\n[[a]]\nc=2\n"
