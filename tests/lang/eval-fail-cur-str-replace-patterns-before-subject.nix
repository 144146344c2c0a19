# Every pattern is forced, in order, before the subject.
builtins.replaceStrings ["a" (throw "second pattern")] [(throw "to") ""] (throw "subject")
