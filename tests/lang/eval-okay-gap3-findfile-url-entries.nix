# args: --strict -I foo=https://example.invalid/x.tar.gz -I foo=bl-fixtures -I bar=ssh://host/x -I git://host/y -I bl-fixtures
# Nix downloads URL entries; one that cannot be downloaded is skipped with a
# warning, and the lookup goes on with the next entry.
[
  <foo>
  <foo/file.txt>
  (builtins.tryEval <bar>)
  <file.txt>
  (builtins.tryEval <nothing-here>)
  (builtins.findFile [ { path = "file:///nonexistent/x.tar.gz"; } { path = "bl-fixtures"; } ] "sub")
]
