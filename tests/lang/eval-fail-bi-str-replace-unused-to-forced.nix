builtins.replaceStrings ["a" "x"] ["b" (throw "unused replacement")] "abc"
