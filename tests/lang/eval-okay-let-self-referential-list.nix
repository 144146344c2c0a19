let xs = [ 1 xs ]; in builtins.length (builtins.elemAt (builtins.elemAt xs 1) 1)
