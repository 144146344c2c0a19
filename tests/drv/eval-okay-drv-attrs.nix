# The attributes `derivation` adds: drvPath, outPath, outputName, type,
# all, drvAttrs, one set per output.
let
  d = derivation { name = "attrs"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; extra = 1; };
in
{
  inherit (d) drvPath outPath outputName type name system builder extra;
  outputs = builtins.concatStringsSep "," d.outputs;
  dev = { inherit (d.dev) outPath outputName drvPath; };
  out = d.out.outPath;
  all = map (o: o.outputName) d.all;
  drvAttrs = d.drvAttrs;
  names = builtins.attrNames d;
  devNames = builtins.attrNames d.dev;
  sameDrv = d.dev.drvPath == d.drvPath;
  isDrv = d.type == "derivation";
}
