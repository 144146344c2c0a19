[ (map (x: x * 2) [ 1 2 3 ]) (map (builtins.add 1) [ 1 2 ]) (builtins.map (x: [ x ]) [ ]) ]
