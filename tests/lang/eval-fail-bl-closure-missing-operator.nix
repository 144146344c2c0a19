# oracle-skip: 2.8 adds "for call to 'genericClosure'"; current Nix (2.26) says "attribute 'operator' missing"
builtins.genericClosure { startSet = [ { key = 1; } ]; }
