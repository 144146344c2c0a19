# args: --xml --strict
x: x
