# A replacement's context is added only when it is used; the subject's
# context is kept, also when nothing is replaced.
let
  drv = derivation { name = "d"; system = "x"; builder = "/b"; };
  ctx = s: builtins.attrNames (builtins.getContext s);
  r = builtins.replaceStrings [ "a" "z" ] [ "${drv}" "${drv.drvPath}" ];
in
[ (ctx (r "abc")) (ctx (r "bc")) (ctx (r "${drv.drvPath}")) (builtins.stringLength (r "a")) ]
