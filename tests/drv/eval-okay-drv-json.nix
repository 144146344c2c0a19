# args: --strict --json
# A derivation in JSON is its output path.
let
  d = derivation { name = "json"; system = "s"; builder = "b"; outputs = [ "out" "lib" ]; };
in
{ inherit d; lib = d.lib; list = [ d d.lib ]; }
