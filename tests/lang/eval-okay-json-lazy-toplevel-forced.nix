# args: --json
1 + 1
