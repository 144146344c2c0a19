{ a = x + 1; b = builtins.length [ 1 2 ]; c = import ./plain.nix; d = let x = 10; in x; }
