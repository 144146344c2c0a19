# callPackage-style calls over a big package set, without derivations:
# 12 recipes (functions with formals, defaults, some of which read other
# formals, `...` and `@`-patterns on either side) are called through
# `callPackage`, which picks each recipe's arguments out of the whole
# package set with `builtins.functionArgs` + `builtins.intersectAttrs` and
# adds explicit overrides with `//`. 50 000 generated packages in a fixpoint,
# each result made overridable (`.override` re-calls the recipe with changed
# arguments), 6 250 overridden variants, and a 12 500-package sub-scope whose
# callPackage looks in `pkgs // scope`. Every package's hash depends on its
# dependencies' hashes, so forcing the sum calls every recipe.
let
  inherit (builtins) foldl' genList listToAttrs attrNames attrValues length
    functionArgs intersectAttrs removeAttrs elemAt isFunction isAttrs;

  mod = a: b: a - a / b * b;
  combine = seed: xs: foldl' (h: x: mod (h * 31 + x) 1000003) seed xs;
  hashes = map (d: d.hash);

  fix = f: let self = f self; in self;

  # A result keeps the function and the arguments that made it, so that
  # `.override` can call the function again with some arguments changed.
  makeOverridable = f: args:
    let result = f args; in
    result // {
      override = changes: makeOverridable f (args // (if isFunction changes then changes args else changes));
    };

  callPackageWith = scope: f: explicit:
    makeOverridable f (intersectAttrs (functionArgs f) scope // explicit);

  recipes = [
    ({ mkPkg, pname, version, deps ? [ ] }:
      mkPkg { inherit pname version; inputs = deps; })

    ({ mkPkg, zlib, pname, version, deps, withDocs ? false }:
      mkPkg {
        inherit pname version;
        inputs = [ zlib ] ++ deps;
        flags = if withDocs then 3 else 1;
      })

    ({ mkPkg, openssl, zlib, curl ? null, pname, version, deps, ... }@args:
      mkPkg {
        inherit pname version;
        inputs = [ openssl zlib ] ++ (if curl == null then [ ] else [ curl ]) ++ deps;
        flags = length (attrNames args);
      })

    ({ lib, mkPkg, python, pname, version, deps, pythonPath ? [ python ], doCheck ? lib.isEven version }:
      mkPkg {
        inherit pname version;
        inputs = pythonPath ++ deps;
        flags = if doCheck then 7 else 5;
      })

    (args@{ mkPkg, perl, pname, version, deps, perlPackages ? { }, ... }:
      mkPkg (removeAttrs args [ "mkPkg" "perl" "perlPackages" "deps" ] // {
        inputs = [ perl ] ++ deps;
        flags = length (attrNames perlPackages);
      }))

    ({ mkPkg, cmake, ninja, pkg-config, libpng, libjpeg, zlib, pname, version, deps
     , enableGui ? false, qt ? null }:
      mkPkg {
        inherit pname version;
        inputs = [ cmake ninja pkg-config libpng libjpeg zlib ] ++ deps
          ++ (if enableGui && qt != null then [ qt ] else [ ]);
      })

    ({ mkPkg, gcc, binutils, glibc, pname, version, deps, optLevel ? gcc.version / 100 }:
      mkPkg {
        inherit pname version;
        inputs = [ gcc binutils glibc ] ++ deps;
        flags = optLevel;
      })

    ({ mkPkg, fetchgit, pname, version, deps, rev ? version * 2 + 1, ... }:
      let src = fetchgit { inherit rev; }; in
      mkPkg {
        inherit pname version;
        inputs = [ src ] ++ deps;
      })

    ({ mkPkg, lib, rustc, cargo, pname, version, deps
     , features ? [ "default" ], buildType ? (if lib.isEven version then "release" else "debug") }:
      mkPkg {
        inherit pname version;
        inputs = [ rustc cargo ] ++ deps;
        flags = length features + (if buildType == "release" then 10 else 20);
      })

    ({ mkPkg, go, pname, version, deps, vendorHash ? null, ldflags ? [ ], tags ? [ ] }@a:
      mkPkg {
        inherit pname version;
        inputs = [ go ] ++ deps;
        flags = length ldflags + length tags + (if vendorHash == null then 0 else vendorHash)
          + length (attrNames a);
      })

    ({ mkPkg, openssl, libxml2, icu, sqlite, pname, version, deps, withIcu ? true, ... }:
      mkPkg {
        inherit pname version;
        inputs = [ openssl libxml2 sqlite ] ++ (if withIcu then [ icu ] else [ ]) ++ deps;
      })

    ({ mkPkg, ghc, pname, version, deps, enableProfiling ? false, haddock ? !enableProfiling }:
      mkPkg {
        inherit pname version;
        inputs = [ ghc ] ++ deps;
        flags = (if enableProfiling then 2 else 0) + (if haddock then 1 else 0);
      })
  ];
  nRecipes = length recipes;

  leaf = version: { pname = "leaf"; inherit version; hash = version; };

  nm = i: "pkg-${toString i}";
  # 1-4 pseudo-random earlier packages
  depsOf = i:
    if i < 20 then [ ]
    else genList (k: nm (mod (mod (i * 2654435761 + k * 40503) 1000003) i)) (1 + mod i 4);

  n = 50000;

  pkgs = fix (self:
    let
      callPackage = callPackageWith self;
    in
    {
      lib = { isEven = v: mod v 2 == 0; };
      mkPkg = { pname, version, inputs ? [ ], flags ? 0, ... }: {
        inherit pname version;
        hash = combine (version + flags) (hashes inputs);
      };
      fetchgit = { rev }: leaf (mod rev 997);

      zlib = leaf 1; openssl = leaf 2; curl = leaf 3; python = leaf 4;
      perl = leaf 5; cmake = leaf 6; ninja = leaf 7; pkg-config = leaf 8;
      libpng = leaf 9; libjpeg = leaf 10; gcc = leaf 1230; binutils = leaf 12;
      glibc = leaf 13; rustc = leaf 14; cargo = leaf 15; go = leaf 16;
      libxml2 = leaf 17; icu = leaf 18; sqlite = leaf 19; ghc = leaf 20;
      qt = leaf 21;
    }
    // listToAttrs (genList
      (i: {
        name = nm i;
        value = callPackage (elemAt recipes (mod i nRecipes)) {
          pname = nm i;
          version = i;
          deps = map (d: self.${d}) (depsOf i);
        };
      })
      n)
    # Variants: every 8th package rebuilt without dependencies, or with
    # its version bumped (through a function of the old arguments).
    // listToAttrs (genList
      (j:
        let i = j * 8 + 3; p = self.${nm i}; in {
          name = "${nm i}-variant";
          value =
            if mod j 2 == 0 then p.override { deps = [ ]; }
            else p.override (old: { version = old.version + 1; });
        })
      (n / 8)));

  # A sub-scope (like a language's package set): its callPackage looks in
  # the scope first, then in the whole package set.
  scope = fix (self:
    let
      callPackage = callPackageWith (pkgs // self);
      sn = i: "sub-${toString i}";
    in
    listToAttrs (genList
      (i: {
        name = sn i;
        value = callPackage (elemAt recipes (mod (i * 5) nRecipes)) {
          pname = sn i;
          version = i + 100000;
          # chains of up to 100 scope packages
          deps = [ pkgs.${nm (mod (i * 31) n)} ]
            ++ (if mod i 100 != 0 then [ self.${sn (i - 1)} ] else [ ]);
        };
      })
      12500));

  sumHashes = set: foldl'
    (acc: p: if isAttrs p && p ? hash then mod (acc + p.hash) 1000000007 else acc)
    0
    (attrValues set);
in
"${toString (length (attrNames pkgs))} packages, ${toString (sumHashes pkgs)} / ${toString (sumHashes scope)}"
