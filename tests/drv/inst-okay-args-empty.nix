# An empty `args` list and args with spaces, quotes and newlines.
{
  empty = derivation { name = "a0"; system = "s"; builder = "b"; args = [ ]; };
  odd = derivation { name = "a1"; system = "s"; builder = "b"; args = [ " " "a b" "\"q\"" "back\\slash" "line\nbreak" "tab\there" "cr\rx" ]; };
}
