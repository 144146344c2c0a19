# lists of different lengths are unequal without forcing their elements
[ 1 (throw "x") ] == [ 1 2 3 ]
