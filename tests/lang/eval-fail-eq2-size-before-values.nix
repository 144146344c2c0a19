# Equal sizes, then in order: the list's second element throws only after
# the first pair was found equal.
[ 1 (throw "second") ] == [ 1 2 ]
