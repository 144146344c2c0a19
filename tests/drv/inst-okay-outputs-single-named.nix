# One output with another name than `out`; a dependent uses it.
let
  d = derivation { name = "bin-only"; system = "s"; builder = "b"; outputs = [ "bin" ]; };
in
derivation { name = "user"; system = "s"; builder = "b"; tool = "${d}/bin/tool"; also = d.bin; }
