builtins.path { path = ./src-fixture; name = "renamed"; }
