# oracle-skip: 2.8 calls the operator ("attempt to call something which is not a function but an integer"); current Nix (2.26) forces it to a function first: "expected a function but found an integer: 1"
builtins.genericClosure { startSet = [ { key = 1; } ]; operator = 1; }
