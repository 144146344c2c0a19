[ 1 (throw "elem") ] == [ 1 2 ]
