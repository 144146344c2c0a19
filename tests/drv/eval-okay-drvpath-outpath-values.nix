# drvPath and outPath of derivations whose paths are known from C++ Nix,
# including the output names in outPath.
let
  mk = attrs: derivation ({ name = "v"; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
in
[
  (mk { }).drvPath
  (mk { }).outPath
  (mk { outputs = [ "a" "b" ]; }).b.outPath
  (mk { outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; }).outPath
  (mk { outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; outputHashMode = "recursive"; }).outPath
  (mk { __structuredAttrs = true; a = [ 1 ]; }).outPath
]
