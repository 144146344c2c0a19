# args: --xml --strict
{ b = 1;
  a = { c = "x"; }; }
