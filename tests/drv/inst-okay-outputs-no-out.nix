# A derivation needs no output called `out`.
let
  d = derivation {
    name = "no-out";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "bin" "man" ];
  };
in
[ d d.man d.bin ]
