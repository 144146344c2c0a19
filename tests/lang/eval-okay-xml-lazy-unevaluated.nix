# args: --xml --no-location
[ 1 (1 + 1) { a = 2; } ]
