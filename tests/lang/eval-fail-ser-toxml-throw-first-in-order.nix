builtins.toXML [ (throw "first") (throw "second") ]
