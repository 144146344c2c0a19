# oracle-skip: 2.8 forces the comparator before the list; current Nix (2.26) forces the list first (the thrown "the list")
builtins.sort 1 (throw "the list")
