# A fixed-output derivation whose one output is not out.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ "bin" ]; outputHashAlgo = "sha256"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; }
