# An array of inline tables has a static size.
builtins.fromTOML "a = [{b=1}]\n[[a]]\n"
