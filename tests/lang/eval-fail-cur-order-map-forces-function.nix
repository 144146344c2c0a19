# oracle-skip: 2.8 leaves the function unforced until an element is (the length is 1); current Nix (2.26) forces it when map is called on a non-empty list (the thrown "function")
builtins.length (map (throw "function") [ 1 ])
