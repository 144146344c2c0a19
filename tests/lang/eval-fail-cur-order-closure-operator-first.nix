# oracle-skip: 2.8 forces the first element's key before it calls the operator (the thrown "key"); current Nix (2.26) forces the operator to a function first: "expected a function but found an integer: 1"
builtins.genericClosure { startSet = [ { key = throw "key"; } ]; operator = 1; }
