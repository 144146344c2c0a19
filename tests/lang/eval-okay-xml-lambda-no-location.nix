# args: --xml --no-location --strict
x: x
