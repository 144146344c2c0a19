builtins.getContext (builtins.path { path = ./src-fixture; name = "x"; })
