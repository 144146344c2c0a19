let
  n = 10000;
  text = builtins.concatStringsSep "" (builtins.genList (_: "[") n ++ builtins.genList (_: "]") n);
  v = builtins.fromJSON text;
in [ (builtins.length v) (builtins.toJSON v == text) ]
