# args: --xml --no-location --strict
./p
