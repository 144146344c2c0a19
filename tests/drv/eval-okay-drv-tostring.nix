# toString and interpolation of a derivation give its outPath.
let
  d = derivation { name = "ts"; system = "s"; builder = "b"; outputs = [ "bin" "out" ]; };
in
[ (toString d) "${d}" "${d.out}" (toString d.out) (d + "/x") ]
