# args: --xml --no-location --strict
[ builtins.add (builtins.add 1) ]
