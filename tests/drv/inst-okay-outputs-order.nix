# Outputs keep the given order in `outputs` and the env, but the .drv
# lists them sorted; each output selected prints as `drv!output`.
let
  d = derivation {
    name = "multi";
    system = "x86_64-linux";
    builder = "/bin/sh";
    outputs = [ "out" "lib" "dev" "bin" "doc" ];
  };
in
{ a = d; b = d.bin; c = d.dev; d = d.doc; e = d.lib; f = d.out; }
