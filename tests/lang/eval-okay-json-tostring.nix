# args: --json --strict
{ __toString = s: "ts"; x = 1; }
