# args: --xml --strict
let a = { x = 1; };
in [ (a // { y = 2; }) (builtins.mapAttrs (n: v: v) a) (rec { p = 1; q = p; }) ]
