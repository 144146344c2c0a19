builtins.fromTOML "[[a]] x"
