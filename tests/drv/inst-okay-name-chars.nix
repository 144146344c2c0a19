# Every character allowed in a name.
{
  a = derivation { name = "ABCxyz0123456789+-._?="; system = "s"; builder = "b"; };
  b = derivation { name = "-starts-with-dash"; system = "s"; builder = "b"; };
  c = derivation { name = ".starts-with-dot"; system = "s"; builder = "b"; };
  d = derivation { name = "x"; system = "s"; builder = "b"; };
  e = derivation { name = "1.0"; system = "s"; builder = "b"; };
}
