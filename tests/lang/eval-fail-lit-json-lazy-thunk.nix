# args: --json
{ a = 1 + 1; }
