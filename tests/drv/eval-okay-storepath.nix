# storePath in --eval mode (Nix does not check the store then): strings
# and a derivation (its outPath); the context is the store object as a
# plain path. (Paths below a store object need the real store: Nix
# resolves symbolic links in them.)
let
  d = derivation { name = "sp"; system = "s"; builder = "b"; };
  ctx = s: builtins.getContext s;
  p = "/nix/store/00000000000000000000000000000000-x";
in
[
  (builtins.storePath p)
  (ctx (builtins.storePath p))
  (builtins.storePath d)
  (ctx (builtins.storePath d))
  (ctx (builtins.storePath "${builtins.toFile "t" "x"}"))
]
