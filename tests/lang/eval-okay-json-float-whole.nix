# args: --json --strict
1.0
