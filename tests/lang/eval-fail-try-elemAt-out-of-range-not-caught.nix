# oracle-skip: 2.8 says "list index 0 is out of bounds"; current Nix (2.26) says "'builtins.elemAt' called with index 0 on a list of size 0"
builtins.tryEval (builtins.elemAt [ ] 0)
