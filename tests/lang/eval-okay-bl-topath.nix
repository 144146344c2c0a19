[
  (builtins.toPath "/a/b/../c") (builtins.toPath "/a//b/") (builtins.toPath "/") (builtins.toPath "/a/./b/.")
  (builtins.toPath "/..") (builtins.toPath { outPath = "/x/y"; }) (builtins.toPath { __toString = self: "/z//w"; })
  (builtins.typeOf (builtins.toPath "/a")) (builtins.toPath ./bl-fixtures == toString ./bl-fixtures)
]
