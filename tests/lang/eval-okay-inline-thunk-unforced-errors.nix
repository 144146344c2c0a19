# Arithmetic thunks whose evaluation would fail are only an error when
# forced: a division by zero that nobody reads stays harmless, and
# a later reference to the same thunk is fine as long as nobody forces it.
let
  zero = 0;
  one = 1;
  bad = one / zero;
  badf = 1.5 / zero;
  s = "x";
  mixed = s + one;
in
{
  unused = builtins.length [ bad badf mixed ];
  kept = let y = one / zero; in builtins.isInt one;
}
