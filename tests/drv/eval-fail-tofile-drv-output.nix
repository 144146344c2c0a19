# toFile refuses a reference to a derivation output, in --eval mode too.
let d = derivation { name = "d"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; }; in builtins.toFile "f" "${d.dev}"
