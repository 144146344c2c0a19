let
  args = builtins.functionArgs ({ zeta, alpha ? 1, mu
  , beta ? 2 }: zeta);
in
builtins.mapAttrs (name: _: builtins.unsafeGetAttrPos name args) args
