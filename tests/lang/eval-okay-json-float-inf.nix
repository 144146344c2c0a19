# args: --json --strict
1.0e308 * 10
