# args: --strict -A d.dev.outPath
# -A through a derivation's attributes in --eval mode.
{ d = derivation { name = "sel"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; }; }
