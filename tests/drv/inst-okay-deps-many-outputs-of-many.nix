# Several dependencies with several outputs each, mixed selections.
let
  mk = name: outputs: derivation { inherit name outputs; system = "s"; builder = "b"; };
  a = mk "a" [ "out" "dev" ];
  b = mk "b" [ "bin" "out" "man" ];
  c = mk "c" [ "out" ];
in
derivation {
  name = "many";
  system = "s";
  builder = "b";
  buildInputs = [ a.dev b.bin b.man c ];
  nativeBuildInputs = [ a b.out ];
}
