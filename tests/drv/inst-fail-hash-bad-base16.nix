# A base-16 hash with a character that is not a hex digit.
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha256"; outputHash = "gdcf791ae2803c0c10f0dab9c430c39ac580bf95d6a834a248f4dedd72c69665"; }
