builtins.attrNames (builtins.fromJSON "{\"b\":1,\"a\":2,\"B\":3,\"\":4,\"a b\":5,\"é\":6,\"1\":7}")
