[
  (builtins.listToAttrs [ { name = "a"; value = 1; } { name = "a"; value = 2; } ])
  (builtins.listToAttrs [ { name = "a"; value = 1; } { name = "a"; } ])
  (builtins.listToAttrs [ { name = "a"; value = 1; } { name = "a"; value = throw "no"; } ])
  (builtins.attrNames (builtins.listToAttrs [ { name = "b"; value = throw "lazy"; } { name = "a"; value = 0; extra = throw "ignored"; } ]))
  (builtins.listToAttrs [ ])
  (builtins.listToAttrs [ { name = ""; value = "empty"; } { name = "é"; value = 1; } ])
]
