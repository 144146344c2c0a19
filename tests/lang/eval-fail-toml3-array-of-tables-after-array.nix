# [[a]] after an array of integers.
builtins.fromTOML "a = [1]\n[[a]]\nx=1\n"
