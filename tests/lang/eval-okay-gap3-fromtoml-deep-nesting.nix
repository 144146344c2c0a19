# Nesting far deeper than a hundred levels, as Nix 2.8 reads it.
let
  n = 3000;
  rep = s: builtins.concatStringsSep "" (builtins.genList (_: s) n);
  arrays = builtins.fromTOML "a = ${rep "["}1${rep "]"}";
  tables = builtins.fromTOML "a = ${rep "{b = "}1${rep "}"}";
  dotted = builtins.fromTOML "${builtins.concatStringsSep "." (builtins.genList (_: "k") n)} = 1";
  header = builtins.fromTOML "[${builtins.concatStringsSep "." (builtins.genList (_: "h") n)}]\nx = 2";
  depth = v: builtins.foldl' (acc: _: if builtins.isList acc.v then { v = builtins.head acc.v; d = acc.d + 1; } else acc) { inherit v; d = 0; } (builtins.genList (x: x) (n + 1));
  walk = key: v: builtins.foldl' (acc: _: if builtins.isAttrs acc.v && acc.v ? ${key} then { v = acc.v.${key}; d = acc.d + 1; } else acc) { inherit v; d = 0; } (builtins.genList (x: x) (n + 1));
in [ (depth arrays.a) (walk "b" tables.a) (walk "k" dotted) (walk "h" header) ]
