# Fixed-output derivations with a sha256 hash in every form Nix accepts:
# base-16, Nix base-32, base-64, SRI (with outputHashAlgo, with an empty
# one, without one) and "algo:hash"; flat and recursive.
let
  fixed = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
in
{
  base16 = fixed "b16" { outputHashAlgo = "sha256"; outputHash = "adcf791ae2803c0c10f0dab9c430c39ac580bf95d6a834a248f4dedd72c69665"; };
  base16-flat = fixed "b16-flat" { outputHashAlgo = "sha256"; outputHashMode = "flat"; outputHash = "adcf791ae2803c0c10f0dab9c430c39ac580bf95d6a834a248f4dedd72c69665"; };
  nix32 = fixed "b32" { outputHashAlgo = "sha256"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; };
  base64 = fixed "b64" { outputHashAlgo = "sha256"; outputHash = "rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  sri = fixed "sri" { outputHashAlgo = "sha256"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  sri-empty-algo = fixed "sri-empty" { outputHashAlgo = ""; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  sri-no-algo = fixed "sri-none" { outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  prefixed = fixed "prefixed" { outputHash = "sha256:adcf791ae2803c0c10f0dab9c430c39ac580bf95d6a834a248f4dedd72c69665"; };
  prefixed-nix32 = fixed "prefixed32" { outputHashAlgo = "sha256"; outputHash = "sha256:0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; };
  recursive = fixed "rec" { outputHashAlgo = "sha256"; outputHashMode = "recursive"; outputHash = "adcf791ae2803c0c10f0dab9c430c39ac580bf95d6a834a248f4dedd72c69665"; };
  recursive-sri = fixed "rec-sri" { outputHashMode = "recursive"; outputHash = "sha256-rc95GuKAPAwQ8Nq5xDDDmsWAv5XWqDSiSPTe3XLGlmU="; };
  recursive-nix32 = fixed "rec-32" { outputHashAlgo = "sha256"; outputHashMode = "recursive"; outputHash = "0rcnqrrdvppl92i39a6njnzq1icsqcqc9ffsy080qg40w8d7kkxd"; };
}
