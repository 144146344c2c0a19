builtins.path { path = ./src-fixture; filter = p: t: baseNameOf p != "empty"; }
