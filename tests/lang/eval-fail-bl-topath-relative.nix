builtins.toPath "a/b"
