# A nixpkgs-style lazy package set: `fix`, `extends` and a stack of overlays
# that override attributes of `prev` and refer to the final set through
# `final`.  Stresses thunk creation and forcing, self-referential recursive
# bindings, dynamic attribute selection, `//` on large sets, and laziness
# (most overridden attributes are only forced at the very end).
let
  inherit (builtins) foldl' genList listToAttrs attrNames attrValues mapAttrs
    length filter isAttrs hasAttr;

  sum = foldl' (a: b: a + b) 0;
  modulus = 1000003;
  mod = a: a - a / modulus * modulus;

  fix = f: let x = f x; in x;
  extends = overlay: f: final:
    let prev = f final;
    in prev // overlay final prev;
  composeExtensions = f: g: final: prev:
    let
      fApplied = f final prev;
      prev' = prev // fApplied;
    in
    fApplied // g final prev';
  composeManyExtensions = foldl' composeExtensions (final: prev: { });

  n = 30000;
  nm = i: "p${toString i}";

  # Every package depends on a few lower-numbered packages and hashes their
  # (final, i.e. fully overridden) hashes together.
  mkPkg = final: i: rec {
    pname = nm i;
    version = i;
    deps =
      if i < 8 then [ ]
      else [ (nm (i / 2)) (nm (i - 7)) (nm (i / 3)) ];
    hash = mod (version * 31 + sum (map (d: final.${d}.hash) final.${pname}.deps));
  };

  base = final:
    listToAttrs (genList (i: { name = nm i; value = mkPkg final i; }) n)
    // { lib = { scale = 3; bump = x: x + 1; }; };

  # Overlay k overrides every stride-th package (offset k): bumps the
  # version, sometimes adds a dependency, and mixes another package's final
  # version into the hash.
  overrideOverlay = k: stride: final: prev:
    listToAttrs (genList
      (j:
        let
          i = j * stride + k;
          old = prev.${nm i};
        in
        {
          name = nm i;
          value = old // {
            version = final.lib.bump old.version;
            deps = if i > 20 && k / 2 * 2 == k then old.deps ++ [ (nm (i / 5)) ] else old.deps;
            hash = mod (old.hash * final.lib.scale + final.${nm (i / 4)}.version);
          };
        })
      ((n - k - 1) / stride + 1));

  # Adds new attributes that reach back into the final set.
  extraOverlay = k: final: prev: {
    "extra${toString k}" = {
      hash = mod (sum (genList (i: final.${nm (i * 37 + k)}.hash) 100));
    };
    lib = prev.lib // { scale = prev.lib.scale + k; };
  };

  # Touches every attribute, like a wrapping overlay.
  wrapOverlay = final: prev:
    mapAttrs
      (name: p:
        if isAttrs p && hasAttr "hash" p
        then p // { wrapped = true; hash = mod (p.hash + 1); }
        else p)
      prev;

  overlays =
    genList (k: overrideOverlay k (k + 3)) 20
    ++ [ wrapOverlay ]
    ++ genList (k: extraOverlay k) 5
    ++ [ (composeManyExtensions (genList (k: overrideOverlay (k + 1) 11) 4)) ];

  pkgs = fix (foldl' (f: o: extends o f) base overlays);

  packages = filter (v: isAttrs v && hasAttr "hash" v) (attrValues pkgs);
in
mod (sum (map (p: p.hash) packages)) + length packages
