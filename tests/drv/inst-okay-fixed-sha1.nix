# Fixed-output derivations with a sha1 hash in every form Nix accepts:
# base-16, Nix base-32, base-64, SRI (with outputHashAlgo, with an empty
# one, without one) and "algo:hash"; flat and recursive.
let
  fixed = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
in
{
  base16 = fixed "b16" { outputHashAlgo = "sha1"; outputHash = "3a1f36c33a7a0c4885f3cb931ca52c4c61f7658c"; };
  base16-flat = fixed "b16-flat" { outputHashAlgo = "sha1"; outputHashMode = "flat"; outputHash = "3a1f36c33a7a0c4885f3cb931ca52c4c61f7658c"; };
  nix32 = fixed "b32" { outputHashAlgo = "sha1"; outputHash = "iijzfqac5jjir4ybyf2lh33s7b1kc7rs"; };
  base64 = fixed "b64" { outputHashAlgo = "sha1"; outputHash = "Oh82wzp6DEiF88uTHKUsTGH3ZYw="; };
  sri = fixed "sri" { outputHashAlgo = "sha1"; outputHash = "sha1-Oh82wzp6DEiF88uTHKUsTGH3ZYw="; };
  sri-empty-algo = fixed "sri-empty" { outputHashAlgo = ""; outputHash = "sha1-Oh82wzp6DEiF88uTHKUsTGH3ZYw="; };
  sri-no-algo = fixed "sri-none" { outputHash = "sha1-Oh82wzp6DEiF88uTHKUsTGH3ZYw="; };
  prefixed = fixed "prefixed" { outputHash = "sha1:3a1f36c33a7a0c4885f3cb931ca52c4c61f7658c"; };
  prefixed-nix32 = fixed "prefixed32" { outputHashAlgo = "sha1"; outputHash = "sha1:iijzfqac5jjir4ybyf2lh33s7b1kc7rs"; };
  recursive = fixed "rec" { outputHashAlgo = "sha1"; outputHashMode = "recursive"; outputHash = "3a1f36c33a7a0c4885f3cb931ca52c4c61f7658c"; };
  recursive-sri = fixed "rec-sri" { outputHashMode = "recursive"; outputHash = "sha1-Oh82wzp6DEiF88uTHKUsTGH3ZYw="; };
  recursive-nix32 = fixed "rec-32" { outputHashAlgo = "sha1"; outputHashMode = "recursive"; outputHash = "iijzfqac5jjir4ybyf2lh33s7b1kc7rs"; };
}
