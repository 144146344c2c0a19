# args: --xml --no-location --strict
{ b = 1; a = { c = "x"; }; }
