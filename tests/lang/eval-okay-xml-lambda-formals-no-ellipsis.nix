# args: --xml --no-location --strict
{ b, a }: a
