# An empty outputHash stands for the all-zero hash of the algorithm (Nix
# warns and lets the build report the real one).
{
  a = derivation { name = "empty-hash"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = ""; };
  b = derivation { name = "empty-hash-rec"; system = "s"; builder = "b"; outputHashAlgo = "sha1"; outputHashMode = "recursive"; outputHash = ""; };
}
