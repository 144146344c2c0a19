# Fixed-output derivations with a sha512 hash in every form Nix accepts:
# base-16, Nix base-32, base-64, SRI (with outputHashAlgo, with an empty
# one, without one) and "algo:hash"; flat and recursive.
let
  fixed = name: attrs: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // attrs);
in
{
  base16 = fixed "b16" { outputHashAlgo = "sha512"; outputHash = "d3954c1deacf33c23e73fe0dedcfe75cb99e8be9256c65c4a4b625acdcfc307effe23dd1925380ad5eba88bf6bc3a70df7d589787be5afe550c0fdb7751ce69f"; };
  base16-flat = fixed "b16-flat" { outputHashAlgo = "sha512"; outputHashMode = "flat"; outputHash = "d3954c1deacf33c23e73fe0dedcfe75cb99e8be9256c65c4a4b625acdcfc307effe23dd1925380ad5eba88bf6bc3a70df7d589787be5afe550c0fdb7751ce69f"; };
  nix32 = fixed "b32" { outputHashAlgo = "sha512"; outputHash = "2gyc73mnzyw0l75mzjpny49spvhv9y3dfzqifjymn0574ni7pigyzihzkfaq9dnlk26av15x65rxfawwz7ys3gyfczc4cygx8flr5fk"; };
  base64 = fixed "b64" { outputHashAlgo = "sha512"; outputHash = "05VMHerPM8I+c/4N7c/nXLmei+klbGXEpLYlrNz8MH7/4j3RklOArV66iL9rw6cN99WJeHvlr+VQwP23dRzmnw=="; };
  sri = fixed "sri" { outputHashAlgo = "sha512"; outputHash = "sha512-05VMHerPM8I+c/4N7c/nXLmei+klbGXEpLYlrNz8MH7/4j3RklOArV66iL9rw6cN99WJeHvlr+VQwP23dRzmnw=="; };
  sri-empty-algo = fixed "sri-empty" { outputHashAlgo = ""; outputHash = "sha512-05VMHerPM8I+c/4N7c/nXLmei+klbGXEpLYlrNz8MH7/4j3RklOArV66iL9rw6cN99WJeHvlr+VQwP23dRzmnw=="; };
  sri-no-algo = fixed "sri-none" { outputHash = "sha512-05VMHerPM8I+c/4N7c/nXLmei+klbGXEpLYlrNz8MH7/4j3RklOArV66iL9rw6cN99WJeHvlr+VQwP23dRzmnw=="; };
  prefixed = fixed "prefixed" { outputHash = "sha512:d3954c1deacf33c23e73fe0dedcfe75cb99e8be9256c65c4a4b625acdcfc307effe23dd1925380ad5eba88bf6bc3a70df7d589787be5afe550c0fdb7751ce69f"; };
  prefixed-nix32 = fixed "prefixed32" { outputHashAlgo = "sha512"; outputHash = "sha512:2gyc73mnzyw0l75mzjpny49spvhv9y3dfzqifjymn0574ni7pigyzihzkfaq9dnlk26av15x65rxfawwz7ys3gyfczc4cygx8flr5fk"; };
  recursive = fixed "rec" { outputHashAlgo = "sha512"; outputHashMode = "recursive"; outputHash = "d3954c1deacf33c23e73fe0dedcfe75cb99e8be9256c65c4a4b625acdcfc307effe23dd1925380ad5eba88bf6bc3a70df7d589787be5afe550c0fdb7751ce69f"; };
  recursive-sri = fixed "rec-sri" { outputHashMode = "recursive"; outputHash = "sha512-05VMHerPM8I+c/4N7c/nXLmei+klbGXEpLYlrNz8MH7/4j3RklOArV66iL9rw6cN99WJeHvlr+VQwP23dRzmnw=="; };
  recursive-nix32 = fixed "rec-32" { outputHashAlgo = "sha512"; outputHashMode = "recursive"; outputHash = "2gyc73mnzyw0l75mzjpny49spvhv9y3dfzqifjymn0574ni7pigyzihzkfaq9dnlk26av15x65rxfawwz7ys3gyfczc4cygx8flr5fk"; };
}
