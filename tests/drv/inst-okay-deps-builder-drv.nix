# The builder is a file in another derivation's output; `system` has a
# context too.
let
  shell = derivation { name = "shell"; system = "s"; builder = "b"; };
  sys = derivation { name = "sysname"; system = "s"; builder = "b"; };
in
derivation { name = "built-with"; system = "${sys}"; builder = "${shell}/bin/sh"; args = [ "-c" "${shell}/bin/true" ]; }
