# The operator is forced even when the start set is empty.
builtins.genericClosure { startSet = [ ]; operator = throw "operator"; }
