let x = 1; in import ./imports/uses-free-var.nix
