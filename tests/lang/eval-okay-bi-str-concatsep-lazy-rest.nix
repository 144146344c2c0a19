# Elements are coerced in order; a failing one stops the join.
with builtins;
(tryEval (concatStringsSep "," [ "a" (throw "b") ])).success
