# Upper-case base-16 digits.
derivation { name = "upper"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = "ADCF791AE2803C0C10F0DAB9C430C39AC580BF95D6A834A248F4DEDD72C69665"; }
