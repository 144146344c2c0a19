# oracle-skip: 2.8 forces the function first and fails ("value is an integer while a function was expected"); current Nix (2.26) forces the list first and returns an empty one as it is
builtins.filter 1 [ ]
