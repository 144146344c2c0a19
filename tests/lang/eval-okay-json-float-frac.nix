# args: --json --strict
[ 1.5 0.1 (0.1 + 0.2) ]
