builtins.toJSON (builtins.fromJSON "{\"a\":[1,2.5,\"x\",null,true,{}],\"b\":-0.0,\"c\":1e300}")
