# The first key is never compared, so it may be of any type.
[
  (builtins.genericClosure { startSet = [ { key = true; } ]; operator = x: [ ]; })
  (builtins.genericClosure { startSet = [ { key = null; v = 1; } ]; operator = x: [ ]; })
]
