# args: --xml --no-location --strict
{ "a<b" = 1; "é" = 2; "q\"" = 3; }
