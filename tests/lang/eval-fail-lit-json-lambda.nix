# args: --json --strict
x: x
