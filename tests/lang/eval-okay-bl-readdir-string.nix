builtins.attrNames (builtins.readDir (toString ./bl-fixtures + "/sub"))
