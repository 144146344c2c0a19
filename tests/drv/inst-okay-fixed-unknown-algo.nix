# An outputHashAlgo Nix does not know counts as none: an SRI or prefixed
# hash still says which algorithm it is.
{
  sri = derivation { name = "unknown-algo-sri"; system = "s"; builder = "b"; outputHashAlgo = "sha384"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  prefixed = derivation { name = "unknown-algo-prefixed"; system = "s"; builder = "b"; outputHashAlgo = "blake3"; outputHash = "sha1:iijzfqac5jjir4ybyf2lh33s7b1kc7rs"; };
}
