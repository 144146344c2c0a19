# builtins.derivationStrict directly: `outputs` may be a string here
# (split on spaces), and the result is not a derivation but its paths are
# used by a real one.
let
  p = builtins.derivationStrict { name = "strict"; system = "s"; builder = "b"; outputs = "out  bin"; };
in
derivation { name = "from-strict"; system = "s"; builder = "b"; a = p.out; b = p.bin; c = p.drvPath; }
