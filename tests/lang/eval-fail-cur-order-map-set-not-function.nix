# oracle-skip: 2.8 leaves the function unforced until an element is (the length is 1); current Nix (2.26) forces it to a function when map is called on a non-empty list: "expected a function but found a set: { }"
builtins.length (map { } [ 1 ])
