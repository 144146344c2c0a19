[ 1 (throw "a") ] == [ 2 (throw "b") ]
