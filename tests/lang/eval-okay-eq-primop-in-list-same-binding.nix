let g = builtins.add; in [ g ] == [ g ]
