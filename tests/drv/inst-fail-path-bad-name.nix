# Copying a file whose name is not a valid store path name.
derivation { name = "n"; system = "s"; builder = "b"; p = ./fixtures + "/unicode-é.txt"; }
