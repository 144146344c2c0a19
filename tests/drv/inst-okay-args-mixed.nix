# `args` elements are coerced like env values: numbers, bools, null,
# lists, paths (copied) and derivations (their output path).
let
  d = derivation { name = "dep"; system = "s"; builder = "b"; };
in
derivation {
  name = "args";
  system = "x86_64-linux";
  builder = "/bin/sh";
  args = [ "-c" "echo hi" 1 (-7) 2.5 true false null [ 1 "two" [ 3 ] null true ] ./fixtures/file.txt d "${d}/bin" "" ];
}
