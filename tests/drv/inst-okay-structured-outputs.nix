# Structured attrs with several outputs: `outputs` is a JSON list and the
# output paths are not in the environment.
let
  d = derivation {
    name = "structured-multi";
    system = "s";
    builder = "b";
    __structuredAttrs = true;
    outputs = [ "out" "dev" "doc" ];
    x = 1;
  };
in
[ d d.dev d.doc ]
