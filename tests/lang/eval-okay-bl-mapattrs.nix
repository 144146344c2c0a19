[
  (builtins.mapAttrs 1 { })
  (builtins.mapAttrs (n: v: n) { a = throw "lazy"; b = 2; })
  (builtins.attrNames (builtins.mapAttrs (n: v: throw "lazy") { x = 1; y = 2; }))
  (builtins.mapAttrs (n: v: v * 10) { a = 1; b = 2; })
]
