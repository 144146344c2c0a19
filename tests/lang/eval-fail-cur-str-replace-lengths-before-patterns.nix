# The lengths are compared before any pattern is forced.
builtins.replaceStrings [(throw "from")] [] "x"
