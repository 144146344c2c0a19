# Depending on a fixed-output derivation: the dependent lists the .drv as
# an input, but its own hash uses the fixed output's hash.
let
  src = derivation {
    name = "tarball"; system = "s"; builder = "b";
    outputHashAlgo = "sha1"; outputHash = "iijzfqac5jjir4ybyf2lh33s7b1kc7rs";
  };
in
derivation { name = "unpacked"; system = "s"; builder = "b"; inherit src; other = src.drvPath; }
