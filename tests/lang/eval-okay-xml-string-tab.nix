# args: --xml --no-location --strict
"\t|"
