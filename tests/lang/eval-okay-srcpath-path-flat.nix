builtins.path { path = ./src-fixture/a.txt; recursive = false; }
