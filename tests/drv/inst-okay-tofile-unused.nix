# A toFile text that is forced but used by no derivation is still
# written; one never forced is not.
let
  forced = builtins.toFile "forced" "forced text";
  lazy = builtins.toFile "lazy" "never forced";
in
builtins.seq forced (derivation { name = "plain"; system = "s"; builder = "b"; })
