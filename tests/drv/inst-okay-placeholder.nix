# placeholder gives a fixed hash-like string per output name, with no
# context.
derivation {
  name = "placeholders";
  system = "s";
  builder = "b";
  outputs = [ "out" "dev" ];
  a = builtins.placeholder "out";
  b = "${builtins.placeholder "dev"}/lib";
  c = builtins.placeholder "";
  d = builtins.placeholder "nonexistent";
  ctx = builtins.hasContext (builtins.placeholder "out");
}
