# Strings with context inside __structuredAttrs: the dependencies become
# inputs of the derivation.
let
  dep = derivation { name = "dep"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; };
in
derivation {
  name = "structured-deps";
  system = "s";
  builder = "b";
  __structuredAttrs = true;
  d = dep;
  dev = "${dep.dev}/include";
  list = [ dep.out "plain" ];
  nested = { x = "${dep}/bin"; };
}
