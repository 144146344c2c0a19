builtins.toXML (builtins.toXML 1)
