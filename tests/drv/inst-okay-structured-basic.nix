# __structuredAttrs: everything but a few attributes goes into one JSON
# value `__json` (keys sorted); nested sets, lists, strings, ints, bools
# and null keep their JSON types.
derivation {
  name = "structured";
  system = "x86_64-linux";
  builder = "/bin/sh";
  __structuredAttrs = true;
  str = "hello";
  int = 42;
  neg = -3;
  t = true;
  f = false;
  n = null;
  list = [ 1 "two" [ 3 ] { four = 4; } null true ];
  empty-list = [ ];
  empty-set = { };
  nested = { b = { c = [ { d = "deep"; } ]; }; a = 1; };
  args = [ "-e" "x" ];
}
