let xs = map (x: builtins.trace "t" x) [ 1 ]; in builtins.head xs + builtins.head xs
