builtins.toXML (let x = { a = [ x ]; }; in x)
