# args: --xml --strict --no-location
{ x = 1; f = y: y; }
