# A base-32 hash with a letter Nix base-32 does not use (e).
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxe"; }
