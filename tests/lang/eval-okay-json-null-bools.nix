# args: --json --strict
[ null true false ]
