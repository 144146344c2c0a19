builtins.replaceStrings ["a"] [] (throw "subject")
