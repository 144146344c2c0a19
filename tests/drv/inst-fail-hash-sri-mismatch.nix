# An SRI hash whose algorithm differs from outputHashAlgo.
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha1"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; }
