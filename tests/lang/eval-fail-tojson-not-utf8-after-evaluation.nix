# Current Nix writes the JSON once the whole value is evaluated: an
# error evaluating a later element comes before the string that is not
# UTF-8.
builtins.toJSON [ (builtins.substring 0 1 "é") (throw "later") ]
