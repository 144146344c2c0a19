[ (baseNameOf ./a/b) (baseNameOf /.) (baseNameOf { outPath = "/x/y"; })
  (builtins.typeOf (baseNameOf ./a)) ]
