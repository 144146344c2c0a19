let
  a = { x = 1; "y z" = 2; };
  r = rec { p = 1; q = p; };
in [
  (builtins.unsafeGetAttrPos "x" a)
  (builtins.unsafeGetAttrPos "y z" a)
  (builtins.unsafeGetAttrPos "q" a)
  (builtins.unsafeGetAttrPos "q" r)
  (builtins.unsafeGetAttrPos "x" {
      x = 3; })
]
