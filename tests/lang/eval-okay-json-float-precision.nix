# args: --json --strict
123456789.123
