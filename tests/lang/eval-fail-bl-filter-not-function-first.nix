# oracle-skip: 2.8 forces the function before the list; current Nix (2.26) forces the list first (the thrown "list")
builtins.filter 1 (throw "list")
