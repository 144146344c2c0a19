# An algo:hash prefix that differs from outputHashAlgo.
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha1"; outputHash = "sha256:0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; }
