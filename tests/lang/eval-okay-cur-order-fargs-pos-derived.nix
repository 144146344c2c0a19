let
  args = builtins.functionArgs ({ a, b, c ? 3 }: a);
in
{
  update = builtins.unsafeGetAttrPos "a" (args // { b = 1; });
  updated = builtins.unsafeGetAttrPos "b" (args // { b = 1; });
  removed = builtins.unsafeGetAttrPos "c" (builtins.removeAttrs args [ "b" ]);
  intersected = builtins.unsafeGetAttrPos "c" (builtins.intersectAttrs { c = 0; } args);
  mapped = builtins.unsafeGetAttrPos "a" (builtins.mapAttrs (n: v: v) args);
}
