builtins.replaceStrings ["a"] [{ outPath = "q"; }] "x"
