# An unknown hash algorithm.
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha384"; outputHash = "adcf791ae2803c0c10f0dab9c430c39ac580bf95d6a834a248f4dedd72c69665"; }
