# args: --xml --strict
1
