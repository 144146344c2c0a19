let d = toString ./bl-fixtures; in [
  (builtins.pathExists ./bl-fixtures)
  (builtins.pathExists ./bl-fixtures/missing)
  (builtins.pathExists ./bl-fixtures/dangling)
  (builtins.pathExists ./bl-fixtures/link)
  (builtins.pathExists "${d}/")
  (builtins.pathExists "${d}/file.txt/")
  (builtins.pathExists "${d}/dirlink/")
  (builtins.pathExists "${d}/dangling/")
  (builtins.pathExists "${d}/missing/..")
  (builtins.pathExists "${d}//sub/.")
  (builtins.pathExists { outPath = d; })
]
