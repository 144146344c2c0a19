builtins.toJSON (builtins.toJSON { a = "\"x\""; })
