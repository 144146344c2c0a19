let
  xs = map builtins.stringLength (map (x: x + 1) [ 1 ]);
in
  builtins.head xs
