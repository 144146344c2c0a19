builtins.genericClosure { startSet = [ { key = null; } { key = null; } ]; operator = x: [ ]; }
