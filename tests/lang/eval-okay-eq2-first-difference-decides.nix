[
  ([ 1 (throw "never") ] == [ 2 3 ])
  ([ [ 1 ] (throw "never") ] == [ [ 2 ] 3 ])
  ({ a = { x = 1; }; b = throw "never"; } == { a = { x = 2; }; b = 0; })
  ([ 1 2 ] == [ 1 ])
  ([ (throw "never") ] == [ ])
  ({ a = throw "never"; } == { a = 1; b = 2; })
]
