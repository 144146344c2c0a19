# The empty pattern matches at the end of an empty subject: its
# replacement is forced.
builtins.replaceStrings [""] [(throw "to")] ""
