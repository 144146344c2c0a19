builtins.path { path = ./src-fixture; name = "a b"; }
