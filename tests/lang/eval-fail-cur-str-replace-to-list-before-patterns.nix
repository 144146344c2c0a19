# The to list is forced before the patterns.
builtins.replaceStrings [(throw "from")] (throw "to list") "x"
