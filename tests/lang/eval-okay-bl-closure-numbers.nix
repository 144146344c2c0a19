# 1 and 1.0 are the same key (neither is less than the other).
[
  (builtins.genericClosure { startSet = [ { key = 1; } { key = 1.0; } { key = 2.5; } { key = 2; } ]; operator = x: [ ]; })
  (builtins.genericClosure { startSet = [ { key = 1.5; } { key = 1; } { key = 1.5; } ]; operator = x: [ ]; })
]
