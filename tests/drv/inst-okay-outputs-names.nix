# Output names with digits, dashes, underscores, dots, `+` and `=`.
derivation {
  name = "names";
  system = "x86_64-linux";
  builder = "/bin/sh";
  outputs = [ "out" "lib32" "a-b" "x_y" "v1.2" "c++" "k=v" "UPPER" ];
}
