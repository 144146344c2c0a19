# args: --xml --no-location --strict
-7
