# An md5-length hash declared as sha1.
derivation { name = "n"; system = "s"; builder = "b"; outputHashAlgo = "sha1"; outputHash = "172ef8af15e90920a90c1e6bd4d3f81d"; }
