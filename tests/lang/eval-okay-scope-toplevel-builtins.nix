[ (isNull null) (toString 1) (baseNameOf "a/b") (removeAttrs { a = 1; b = 2; } [ "a" ]) (map (x: x + 1) [ 1 ]) ]
