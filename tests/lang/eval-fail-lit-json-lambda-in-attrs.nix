# args: --json --strict
{ a = 1; f = x: x; }
