# args: --json --strict
{ b = 1; a = 2; "a b" = 3; B = 4; }
