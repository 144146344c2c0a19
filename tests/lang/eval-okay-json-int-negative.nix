# args: --json --strict
-5
