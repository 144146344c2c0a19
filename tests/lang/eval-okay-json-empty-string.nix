# args: --json --strict
""
