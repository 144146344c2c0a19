builtins.match "(" (throw "subject")
