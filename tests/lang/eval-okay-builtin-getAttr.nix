[ (builtins.getAttr "b" { a = 1; b = 2; }) (builtins.getAttr ("a" + "b") { ab = 3; }) ]
