# A fixed-output derivation with several outputs.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; outputHashAlgo = "sha256"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; }
