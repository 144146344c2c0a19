# Without structured attributes, outputHash, outputHashAlgo and
# outputHashMode may carry contexts; they become inputs like any other.
let
  d = derivation { name = "d"; system = "s"; builder = "b"; };
  empty = builtins.substring 0 0 "${d}";
in
derivation {
  name = "ctx-fixed";
  system = "s";
  builder = "b";
  outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU=${empty}";
  outputHashAlgo = "sha256${builtins.substring 0 0 d.drvPath}";
  outputHashMode = "flat${builtins.substring 0 0 "${./fixtures/file.txt}"}";
}
