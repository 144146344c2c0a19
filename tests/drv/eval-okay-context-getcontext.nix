# getContext of the strings a derivation hands out.
let
  d = derivation { name = "ctx"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; };
  t = builtins.toFile "t" "x";
in
{
  drvPath = builtins.getContext d.drvPath;
  outPath = builtins.getContext d.outPath;
  dev = builtins.getContext d.dev.outPath;
  interp = builtins.getContext "${d} ${d.dev} ${d.drvPath}";
  discarded = builtins.getContext (builtins.unsafeDiscardOutputDependency d.drvPath);
  text = builtins.getContext t;
  path = builtins.getContext "${./fixtures/file.txt}";
  mixed = builtins.getContext "${t}${./fixtures/file.txt}${d.dev}";
  none = builtins.getContext "plain";
  placeholder = builtins.getContext (builtins.placeholder "out");
}
