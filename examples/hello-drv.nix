# Two derivations, one depending on the other, and a text file in the
# store. `tangle instantiate` prints the .drv path of `greeting`.
let
  script = builtins.toFile "greet.sh" ''
    echo "hello from $out"
  '';
  base = derivation {
    name = "base";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ "-c" "echo base > $out" ];
    outputs = [ "out" "doc" ];
  };
  greeting = derivation {
    name = "greeting";
    system = "x86_64-linux";
    builder = "/bin/sh";
    args = [ script ];
    inherit base;
    docs = base.doc;
  };
in
greeting
