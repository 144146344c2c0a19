# args: --json --strict
42
