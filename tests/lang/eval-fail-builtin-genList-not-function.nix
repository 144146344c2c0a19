# oracle-skip: 2.8 calls the function when an element is forced ("attempt to call ..."); current Nix (2.26) forces it to a function first: "expected a function but found an integer: 1"
builtins.genList 1 2
