# An outputHashMode that is neither flat nor recursive.
derivation { name = "n"; system = "s"; builder = "b"; outputHashMode = "nar"; outputHashAlgo = "sha256"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; }
