let xs = [ (builtins.head xs) ]; in builtins.head xs
