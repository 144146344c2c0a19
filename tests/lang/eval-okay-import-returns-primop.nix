import ./imports/returns-primop.nix [ 1 2 3 ]
