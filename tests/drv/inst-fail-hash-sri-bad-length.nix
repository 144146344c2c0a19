# An SRI hash whose base-64 part has the wrong length.
derivation { name = "n"; system = "s"; builder = "b"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLG"; }
