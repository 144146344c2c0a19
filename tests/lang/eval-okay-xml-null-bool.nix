# args: --xml --no-location --strict
[ null true false ]
