# args: --json
[ 1 "a" null 1.5 ]
