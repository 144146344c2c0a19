# ... and checked to be a string.
builtins.replaceStrings ["a" 2] ["" ""] (throw "subject")
