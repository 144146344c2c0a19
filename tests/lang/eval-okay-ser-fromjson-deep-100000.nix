let
  n = 100000;
  text = builtins.concatStringsSep "" (builtins.genList (_: "[") n ++ builtins.genList (_: "]") n);
in builtins.length (builtins.fromJSON text)
