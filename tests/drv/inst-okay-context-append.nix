# appendContext rebuilds the contexts derivations hand out (the .drv files
# exist once instantiated, which appendContext checks); derivations made
# from such strings get the same inputs as from the originals.
let
  d = derivation { name = "app"; system = "s"; builder = "b"; outputs = [ "out" "dev" ]; };
  plain = builtins.unsafeDiscardStringContext d.drvPath;
  dev = builtins.appendContext plain { ${plain} = { outputs = [ "dev" ]; }; };
  all = builtins.appendContext plain { ${plain} = { allOutputs = true; }; };
  file = builtins.appendContext plain { ${plain} = { path = true; }; };
  both = builtins.appendContext "" { ${plain} = { outputs = [ "out" "dev" ]; path = true; }; };
  mk = name: x: derivation { inherit name x; system = "s"; builder = "b"; };
in
assert builtins.seq d.drvPath true;
{
  dev = mk "dev" dev;
  all = mk "all" all;
  file = mk "file" file;
  both = mk "both" both;
  ctx = builtins.getContext both == { ${plain} = { outputs = [ "dev" "out" ]; path = true; }; };
}
