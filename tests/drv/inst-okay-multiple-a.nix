# args: -A a -A b.dev
# Several -A selections print in order.
let
  mk = name: derivation { inherit name; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; };
in
{ a = mk "a"; b = mk "b"; }
