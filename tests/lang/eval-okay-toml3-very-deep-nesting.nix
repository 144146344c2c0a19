# oracle-skip: Nix 2.8's toml11 takes time quadratic in the nesting depth (10 000 nested arrays run for more than 100 s) and runs out of stack or memory by 20 000 levels; Tangle reads TOML without recursion, so the value at 100 000 levels is the one TOML defines.
let
  n = 100000;
  rep = s: builtins.concatStringsSep "" (builtins.genList (_: s) n);
  keys = k: builtins.concatStringsSep "." (builtins.genList (_: k) n);
  arrays = builtins.fromTOML "a = ${rep "["}1${rep "]"}";
  tables = builtins.fromTOML "a = ${rep "{b = "}1${rep "}"}";
  dotted = builtins.fromTOML "${keys "k"} = 1";
  header = builtins.fromTOML "[${keys "h"}]\nx = 2";
  arrayHeader = builtins.fromTOML "[[${keys "h"}]]\nx = 3";
  depth = v: builtins.foldl' (acc: _: if builtins.isList acc.v then { v = builtins.head acc.v; d = acc.d + 1; } else acc) { inherit v; d = 0; } (builtins.genList (x: x) (n + 1));
  walk = key: v: builtins.foldl' (acc: _: if builtins.isAttrs acc.v && acc.v ? ${key} then { v = acc.v.${key}; d = acc.d + 1; } else acc) { inherit v; d = 0; } (builtins.genList (x: x) (n + 1));
in [ (depth arrays.a) (walk "b" tables.a) (walk "k" dotted) (walk "h" header) (walk "h" arrayHeader) ]
