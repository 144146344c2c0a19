# args: -A d.dev
# Selecting an output with -A prints drv!output.
{ d = derivation { name = "sel"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; }; }
