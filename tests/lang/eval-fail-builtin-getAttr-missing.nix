builtins.getAttr "a" { }
