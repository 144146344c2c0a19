# oracle-skip: 2.8 says "list index 5 is out of bounds"; current Nix (2.26) says "'builtins.elemAt' called with index 5 on a list of size 3"
builtins.elemAt [ 1 2 3 ] 5
