[
  (builtins.any (x: x) [ true (throw "no") ])
  (builtins.all (x: x) [ false (throw "no") ])
  (builtins.any (x: x) [ ])
  (builtins.all (x: x) [ ])
  (builtins.any (x: x > 2) [ 1 2 3 ])
  (builtins.all (x: x > 0) [ 1 2 3 ])
]
