# args: --xml --no-location --strict
[ 1.5 1.0 0.1 123456789.123 1.0e-7 1.0e20 (0.0 * -1.0) ]
