# args: --json --strict
{ "a\"b" = 1; "\n" = 2; "é" = 3; "$" = 4; }
