# args: --json --strict
[ 1.0e20 1.0e15 1.0e-7 1000000.0 ]
