# The longest name that still fits: 211 characters including ".drv".
derivation {
  name = builtins.concatStringsSep "" (builtins.genList (i: "n") 207);
  system = "s";
  builder = "b";
}
