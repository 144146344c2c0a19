# args: --xml --no-location --strict
[ "é ☃ $ ${"x"}" (builtins.fromJSON "\"\\u0001\"") "" ]
