# A toFile text may refer to a .drv file itself (a plain path), just not
# to a derivation's outputs.
let
  d = derivation { name = "d"; system = "s"; builder = "b"; };
  t = builtins.toFile "refers-to-drv" "drv: ${builtins.unsafeDiscardOutputDependency d.drvPath}";
in
derivation { name = "user"; system = "s"; builder = "b"; inherit t; }
