# oracle-skip: 2.8 never forces the function of an empty list (the result is [ ]); current Nix (2.26) forces it to a function first: "expected a function but found an integer: 1"
builtins.genList 1 0
