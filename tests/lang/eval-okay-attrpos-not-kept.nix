# Sets built by mapAttrs have no positions in Nix either.
[ (builtins.unsafeGetAttrPos "x" (builtins.mapAttrs (n: v: v) { x = 1; }))
  (builtins.unsafeGetAttrPos "x" (builtins.listToAttrs [ ]))
  (builtins.unsafeGetAttrPos "a" { }) ]
