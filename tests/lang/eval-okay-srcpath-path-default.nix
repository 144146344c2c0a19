builtins.path { path = ./src-fixture; }
