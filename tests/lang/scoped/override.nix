{ v = [ (toString 1) true ]; }
