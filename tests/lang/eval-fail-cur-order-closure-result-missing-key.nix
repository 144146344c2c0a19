# oracle-skip: 2.8 says "attribute 'key' required"; current Nix (2.26) says "attribute 'key' missing"
builtins.genericClosure { startSet = [ { key = 1; } ]; operator = x: [ { } ]; }
