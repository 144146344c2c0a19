# Strings whose context is discarded bring no inputs, even though the
# text is a store path.
let
  d = derivation { name = "d"; system = "s"; builder = "b"; };
  t = builtins.toFile "t" "x";
in
derivation {
  name = "no-inputs";
  system = "s";
  builder = builtins.unsafeDiscardStringContext "${d}/bin/sh";
  a = builtins.unsafeDiscardStringContext d.drvPath;
  b = builtins.unsafeDiscardStringContext t;
  c = builtins.unsafeDiscardStringContext "${./fixtures/file.txt}";
}
