# oracle-skip: 2.8 says "list index 2 is out of bounds"; current Nix (2.26) says "'builtins.elemAt' called with index 2 on a list of size 2"
builtins.elemAt [ 1 2 ] 2
