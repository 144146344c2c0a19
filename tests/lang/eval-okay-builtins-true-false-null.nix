[ builtins.true builtins.false builtins.null (builtins.hasAttr "true" builtins) ]
