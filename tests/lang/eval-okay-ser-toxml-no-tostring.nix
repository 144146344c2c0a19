builtins.toXML [ { __toString = s: "x"; } { outPath = "o"; } ]
