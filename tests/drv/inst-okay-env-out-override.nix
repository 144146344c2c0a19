# An attribute named like an output is replaced by the output's path.
{
  a = derivation { name = "override-out"; system = "s"; builder = "b"; out = "mine"; };
  b = derivation { name = "override-dev"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; dev = "mine"; other = "x"; };
}
