# oracle-skip: Nix 2.8 writes the bytes as they are; current Nix (2.34) refuses the first string that is not UTF-8 in the order it writes them (keys sorted), naming the byte that cannot go on and its index
builtins.toJSON { b = "x" + builtins.substring 0 1 "é" + "yz"; a = "ab" + builtins.substring 1 1 "é"; }
