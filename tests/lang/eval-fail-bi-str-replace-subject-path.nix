builtins.replaceStrings ["a"] ["b"] ./x
