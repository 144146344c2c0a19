# A fixed-output derivation may depend on others; derivations that use it
# see only its promised hash: two fetchers of the same content made in
# different ways give dependents the same output path.
let
  tool = derivation { name = "fetch-tool"; system = "s"; builder = "b"; };
  fetchA = derivation {
    name = "src"; system = "s"; builder = "${tool}/bin/fetch"; url = "https://a.example/src";
    outputHashAlgo = "sha256"; outputHashMode = "recursive";
    outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd";
  };
  fetchB = derivation {
    name = "src"; system = "s"; builder = "/bin/curl"; url = "https://b.example/src";
    outputHashAlgo = "sha256"; outputHashMode = "recursive";
    outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd";
  };
  build = src: derivation { name = "built"; system = "s"; builder = "b"; inherit src; };
in
{
  inherit fetchA fetchB;
  a = build fetchA;
  b = build fetchB;
  check = assert fetchA.outPath == fetchB.outPath; assert fetchA.drvPath != fetchB.drvPath; (build fetchA).outPath == (build fetchB).outPath;
}
