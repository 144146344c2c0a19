# oracle-skip: 2.8 leaves the function unforced until an element is (the length is 2); current Nix (2.26) forces it when genList is called (the thrown "function")
builtins.length (builtins.genList (throw "function") 2)
