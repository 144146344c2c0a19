builtins.replaceStrings [1] ["a"] "abc"
