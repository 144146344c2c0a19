# args: --json --strict
9223372036854775807
