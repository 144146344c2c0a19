# Strings are bytes: half of a two-byte character (from substring) goes
# into the environment, args, builder and system as the lone byte.
let
  half = builtins.substring 0 1 "é";
  tail = builtins.substring 1 1 "é";
in
derivation {
  name = "bytes";
  system = "s${half}";
  builder = "b${tail}";
  args = [ half "${half}${tail}" ];
  a = half;
  b = "x${tail}y";
  l = [ half tail ];
}
