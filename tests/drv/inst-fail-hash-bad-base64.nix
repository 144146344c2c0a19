# A base-64 hash that does not decode.
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = "rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGl!U="; }
