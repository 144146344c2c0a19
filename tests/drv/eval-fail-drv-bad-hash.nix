# A bad hash is reported when drvPath is needed, in --eval mode too.
(derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = "abc"; }).drvPath
