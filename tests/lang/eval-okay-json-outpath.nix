# args: --json --strict
{ outPath = "op"; a = 1; }
