# args: --xml --no-location --strict
{ type = "derivation"; a = 1; }
