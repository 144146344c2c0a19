# A bare hash with no algorithm anywhere.
derivation { name = "n"; system = "s"; builder = "b"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; }
