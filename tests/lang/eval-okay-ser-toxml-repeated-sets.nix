let l = [ 1 ]; in builtins.toXML [ l l { a = l; } ]
