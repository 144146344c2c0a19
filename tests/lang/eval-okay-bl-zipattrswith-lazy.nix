# Neither the values nor the function's results are forced.
[
  (builtins.attrNames (builtins.zipAttrsWith (n: v: throw "result") [ { a = throw "x"; } { b = 1; } ]))
  (builtins.length (builtins.zipAttrsWith (n: v: v) [ { a = throw "x"; } { a = throw "y"; } ]).a)
]
