let
  n = 5000;
  text = builtins.concatStringsSep "" (builtins.genList (_: "{\"a\":") n ++ [ "1" ] ++ builtins.genList (_: "}") n);
  v = builtins.fromJSON text;
in [ (builtins.attrNames v) (builtins.toJSON v == text) ]
