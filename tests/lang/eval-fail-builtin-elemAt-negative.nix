# oracle-skip: 2.8 says "list index -1 is out of bounds"; current Nix (2.26) says "'builtins.elemAt' called with index -1 on a list of size 2"
builtins.elemAt [ 1 2 ] (-1)
