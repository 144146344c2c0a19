# The elements themselves are not forced.
[
  (builtins.length (builtins.groupBy (x: "k") [ (throw "a") (throw "b") ]).k)
  (builtins.groupBy (x: x) [ ])
]
