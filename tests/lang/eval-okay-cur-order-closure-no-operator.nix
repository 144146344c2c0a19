# oracle-skip: 2.8 looks up the operator even when the start set is empty ("attribute 'operator' missing for call to 'genericClosure'"); current Nix (2.26) returns the empty start set
builtins.genericClosure { startSet = [ ]; }
