# args: --xml --no-location --strict
{ a, ... }@args: a
