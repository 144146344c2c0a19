builtins.path { path = ./src-fixture; foo = 1; }
