# Fixed-output derivations with a md5 hash in every form Nix accepts:
# base-16, Nix base-32, base-64, SRI (with outputHashAlgo, with an empty
# one, without one) and "algo:hash"; flat and recursive.
let
  fixed = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
in
{
  base16 = fixed "b16" { outputHashAlgo = "md5"; outputHash = "172ef8af15e90920a90c1e6bd4d3f81d"; };
  base16-flat = fixed "b16-flat" { outputHashAlgo = "md5"; outputHashMode = "flat"; outputHash = "172ef8af15e90920a90c1e6bd4d3f81d"; };
  nix32 = fixed "b32" { outputHashAlgo = "md5"; outputHash = "0xz39x8sqy1jlj02g92npzhbhp"; };
  base64 = fixed "b64" { outputHashAlgo = "md5"; outputHash = "Fy74rxXpCSCpDB5r1NP4HQ=="; };
  sri = fixed "sri" { outputHashAlgo = "md5"; outputHash = "md5-Fy74rxXpCSCpDB5r1NP4HQ=="; };
  sri-empty-algo = fixed "sri-empty" { outputHashAlgo = ""; outputHash = "md5-Fy74rxXpCSCpDB5r1NP4HQ=="; };
  sri-no-algo = fixed "sri-none" { outputHash = "md5-Fy74rxXpCSCpDB5r1NP4HQ=="; };
  prefixed = fixed "prefixed" { outputHash = "md5:172ef8af15e90920a90c1e6bd4d3f81d"; };
  prefixed-nix32 = fixed "prefixed32" { outputHashAlgo = "md5"; outputHash = "md5:0xz39x8sqy1jlj02g92npzhbhp"; };
  recursive = fixed "rec" { outputHashAlgo = "md5"; outputHashMode = "recursive"; outputHash = "172ef8af15e90920a90c1e6bd4d3f81d"; };
  recursive-sri = fixed "rec-sri" { outputHashMode = "recursive"; outputHash = "md5-Fy74rxXpCSCpDB5r1NP4HQ=="; };
  recursive-nix32 = fixed "rec-32" { outputHashAlgo = "md5"; outputHashMode = "recursive"; outputHash = "0xz39x8sqy1jlj02g92npzhbhp"; };
}
