let
  text = "[" + builtins.concatStringsSep "," (builtins.genList toString 10000) + "]";
  v = builtins.fromJSON text;
in [ (builtins.length v) (builtins.elemAt v 9999) (builtins.foldl' builtins.add 0 v) ]
