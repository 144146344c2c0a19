# oracle-skip: 2.8 forces the comparator first and fails ("value is a set while a function was expected"); current Nix (2.26) forces the list first and returns an empty one as it is
builtins.sort { } [ ]
