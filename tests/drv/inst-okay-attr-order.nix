# Attributes are processed in name order (byte order, upper case first);
# the env lists them sorted.
derivation {
  name = "order";
  system = "s";
  builder = "b";
  b = "2";
  B = "1";
  a = "3";
  "_" = "4";
  "0" = "5";
  "a-b" = "6";
  "a_b" = "7";
  "é" = "8";
  "~" = "9";
}
