# How values become environment strings: true is "1", false and null
# are empty, numbers print like toString, lists join with spaces.
derivation {
  name = "coerce";
  system = "x86_64-linux";
  builder = "/bin/sh";
  t = true;
  f = false;
  n = null;
  i = 42;
  neg = -17;
  big = 9223372036854775807;
  small = -9223372036854775807 - 1;
  zero = 0;
  fl = 1.5;
  fl2 = 0.1;
  fl3 = 1.0e20;
  fl4 = 123456789.0;
  fl5 = -0.000001;
  fl6 = 1.0;
  l = [ 1 2 3 ];
  l2 = [ "a" [ "b" [ "c" ] ] true false null 1.5 ];
  l3 = [ ];
  l4 = [ null ];
  l5 = [ "" "" ];
  s = "";
  p = ./fixtures/file.txt;
}
