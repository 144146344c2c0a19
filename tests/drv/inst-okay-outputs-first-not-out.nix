# The first output is the default one, even when it is not `out`.
derivation {
  name = "first-dev";
  system = "x86_64-linux";
  builder = "/bin/sh";
  outputs = [ "dev" "out" ];
}
