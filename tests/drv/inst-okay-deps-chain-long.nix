# A chain of 200 derivations, each depending on the previous one.
let
  step = i: prev: derivation {
    name = "chain-${toString i}";
    system = "x86_64-linux";
    builder = "/bin/sh";
    inherit prev;
    n = i;
  };
  go = i: prev: if i > 200 then prev else go (i + 1) (step i prev);
in
go 1 null
