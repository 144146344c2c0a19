# args: --xml --strict
{ f = x: x; }
