let
  xs = map (builtins.add (throw "first")) [ (throw "second") ];
in
  builtins.head xs + 0
