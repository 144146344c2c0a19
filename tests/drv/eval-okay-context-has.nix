# hasContext and unsafeDiscardStringContext on derivation strings.
let
  d = derivation { name = "has"; system = "s"; builder = "b"; };
in
[
  (builtins.hasContext d.drvPath)
  (builtins.hasContext d.outPath)
  (builtins.hasContext "${d}")
  (builtins.hasContext (builtins.unsafeDiscardStringContext d.outPath))
  (builtins.hasContext (builtins.unsafeDiscardStringContext "${d}/bin"))
  (builtins.hasContext d.name)
  (builtins.hasContext d.outputName)
  (builtins.hasContext (builtins.substring 0 5 d.outPath))
  (builtins.hasContext (builtins.substring 0 0 d.outPath))
  (builtins.unsafeDiscardStringContext d.outPath == d.outPath)
  (builtins.hasContext (toString (builtins.toFile "x" "y")))
  (builtins.hasContext (builtins.concatStringsSep "," [ "a" d.drvPath ]))
  (builtins.hasContext (builtins.elemAt [ d.outPath ] 0))
  (builtins.hasContext (builtins.storePath "/nix/store/00000000000000000000000000000000-x"))
]
