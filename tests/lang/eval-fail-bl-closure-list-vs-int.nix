builtins.genericClosure { startSet = [ { key = [ 1 ]; } { key = 1; } ]; operator = x: [ ]; }
