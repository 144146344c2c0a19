builtins.genericClosure [ ]
