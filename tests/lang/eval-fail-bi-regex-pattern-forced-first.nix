builtins.split (throw "pattern") (throw "subject")
