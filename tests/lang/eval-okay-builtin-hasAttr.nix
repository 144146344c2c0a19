[ (builtins.hasAttr "a" { a = throw "x"; }) (builtins.hasAttr "b" { a = 1; }) ]
