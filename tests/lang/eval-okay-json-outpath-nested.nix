# args: --json --strict
{ x = { outPath = "o"; }; y = [ { outPath = "p"; } ]; }
