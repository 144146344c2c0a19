[
  (builtins.partition (x: x > 2) [ 1 5 2 4 3 ])
  (builtins.partition (x: true) [ ])
  (builtins.partition (x: x) [ true false true ])
]
