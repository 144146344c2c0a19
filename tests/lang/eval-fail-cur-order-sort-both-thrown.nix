# oracle-skip: 2.8 forces the comparator first (the thrown "comparator"); current Nix (2.26) forces the list first (the thrown "list")
builtins.sort (throw "comparator") (throw "list")
