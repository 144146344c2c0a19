# args: --xml --no-location --strict
[ 1 [ 2 [ ] ] { } ]
