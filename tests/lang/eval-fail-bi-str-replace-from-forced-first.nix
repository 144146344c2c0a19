builtins.replaceStrings [(throw "from")] [(throw "to")] (throw "subject")
