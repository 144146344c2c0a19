# args: --strict -I ftp://host/x -I q=channel:nixos-22.05 -I bl-fixtures
# Only some schemes make a URL (and `channel:`); others are paths that do not
# exist. An entry whose prefix does not match is never looked at.
[ <file.txt> (builtins.tryEval <nothing-here>) ]
