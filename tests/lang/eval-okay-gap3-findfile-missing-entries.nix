# args: --strict -I foo=./nope -I /nonexistent -I bl-fixtures
# Entries that do not exist are skipped (Nix warns once about each).
[ (builtins.tryEval <foo>) (builtins.tryEval <foo/x>) <file.txt> <file.txt> <sub>
  (builtins.findFile [ { path = "/nonexistent"; } { prefix = "s"; path = "bl-fixtures/sub"; } ] "s") ]
