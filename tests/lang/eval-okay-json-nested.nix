# args: --json --strict
{ a = [ 1 [ 2 ] { b = 3; } ]; c = { }; d = [ ]; }
