[
  (builtins.genericClosure { startSet = [ { key = "b"; } { key = "a"; } { key = "b"; } { key = ""; } ]; operator = x: [ ]; })
  (map (x: x.key) (builtins.genericClosure { startSet = [ { key = /a; } { key = /b; } { key = /a; } ]; operator = x: [ ]; }))
]
