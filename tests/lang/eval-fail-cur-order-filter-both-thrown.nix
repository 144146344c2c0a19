# oracle-skip: 2.8 forces the function first (the thrown "function"); current Nix (2.26) forces the list first (the thrown "list")
builtins.filter (throw "function") (throw "list")
