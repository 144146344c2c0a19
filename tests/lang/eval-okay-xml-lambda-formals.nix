# args: --xml --no-location --strict
{ a, b ? 1, ... }: a
