# A used replacement must be a string: a set with outPath is not coerced.
builtins.replaceStrings ["a" "x"] [{ outPath = "q"; } (throw "unused")] "abc"
