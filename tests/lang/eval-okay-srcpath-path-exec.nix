builtins.path { path = ./src-fixture/sub/run.sh; }
