[
  (builtins.readFile ./bl-fixtures/file.txt)
  (builtins.readFile ./bl-fixtures/empty)
  (builtins.readFile ./bl-fixtures/link)
  (builtins.readFile ./bl-fixtures/sub/inner.txt)
  (builtins.readFile "${toString ./bl-fixtures}/sub/../file.txt")
  (builtins.readFile { outPath = toString ./bl-fixtures/file.txt; })
]
