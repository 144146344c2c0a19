# args: --json --strict
0.0 * -1.0
