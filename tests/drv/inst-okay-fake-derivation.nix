# Any set with type = "derivation", a name, a drvPath in the store and an
# outputName is listed; nothing is written.
[
  { type = "derivation"; name = "fake"; drvPath = "/nix/store/00000000000000000000000000000000-fake.drv"; outputName = "out"; }
  { type = "derivation"; name = "fake"; drvPath = "/nix/store/00000000000000000000000000000000-fake.drv"; outputName = "lib"; }
  { type = "derivation"; name = "fake"; drvPath = "/nix/store/22222222222222222222222222222222-not-a-drv"; outputName = "out"; }
  { type = "not-a-derivation"; drvPath = 1; }
]
