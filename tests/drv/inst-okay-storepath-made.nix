# Outside --eval, storePath needs a valid store object: a .drv file and a
# source copied during this evaluation are (Nix has written them).
let
  d = derivation { name = "dep"; system = "s"; builder = "b"; };
  src = "${./fixtures/file.txt}";
in
derivation {
  name = "uses-made";
  system = "s";
  builder = "b";
  a = builtins.storePath d.drvPath;
  b = builtins.storePath src;
}
