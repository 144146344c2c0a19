# A chain of 60 derivations with several outputs, each using the `dev`
# output of the previous one and the drvPath of every tenth.
let
  step = i: prev: derivation {
    name = "link-${toString i}";
    system = "s";
    builder = "b";
    outputs = [ "out" "dev" "lib" ];
    dep = if prev == null then "" else prev.dev;
    drv = if prev != null && i - i / 10 * 10 == 0 then prev.drvPath else "";
  };
  go = i: prev: if i > 60 then prev else go (i + 1) (step i prev);
in
go 1 null
