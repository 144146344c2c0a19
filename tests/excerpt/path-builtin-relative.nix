let
  p = "relative/path";
in
  builtins.pathExists p
