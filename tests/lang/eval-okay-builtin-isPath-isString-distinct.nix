[ (builtins.isPath "/a") (builtins.isString /a) (builtins.isString "${"a"}") ]
