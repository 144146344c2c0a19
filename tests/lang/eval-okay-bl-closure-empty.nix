builtins.genericClosure { startSet = [ ]; operator = 1; }
