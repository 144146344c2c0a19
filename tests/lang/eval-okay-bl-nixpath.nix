# args: --strict -I x=./bl-fixtures -I bl-fixtures/sub -I y=/bl-nonexistent
# Entries are kept as written; relative ones resolve when looked up.
[ builtins.nixPath <x/file.txt> <inner.txt> (builtins.baseNameOf <x>) ]
