# A small package set in the shape of nixpkgs, instantiated: `callPackage`
# (functionArgs + intersectAttrs) over a fixpoint `self: { ... }`, an
# `overrideAttrs`-style mkDerivation, two overlays that override packages
# with `//`, and 3 000 generated packages, each a `derivation` with a
# fixed-output source (`fetchurl`), a few environment attributes and
# dependencies on 1-5 earlier packages. The result forces every package's
# drvPath (so every derivation's hash modulo and .drv path is computed)
# and hashes the list, which makes the output a check of all the paths.
let
  inherit (builtins) foldl' genList listToAttrs attrValues filter isAttrs
    hasAttr functionArgs intersectAttrs concatStringsSep hashString;

  n = 3000;
  nm = i: "pkg${toString i}";
  mod = a: b: a - a / b * b;

  fix = f: let x = f x; in x;
  extends = overlay: f: self:
    let super = f self;
    in super // overlay self super;

  callPackageWith = scope: fn: overrides:
    fn (intersectAttrs (functionArgs fn) scope // overrides);

  # The generated packages use one of a few recipes; which arguments each
  # takes decides what callPackage passes it.
  recipes = [
    ({ stdenv, fetchurl, pname, version, deps }:
      stdenv.mkDerivation {
        inherit pname version;
        src = fetchurl { url = "https://example.org/${pname}-${toString version}.tar.gz"; sha256 = hashString "sha256" pname; };
        buildInputs = deps;
      })
    ({ stdenv, fetchurl, zlib, pname, version, deps, enableShared ? true }:
      stdenv.mkDerivation {
        inherit pname version;
        src = fetchurl { url = "mirror://gnu/${pname}/${pname}-${toString version}.tar.xz"; sha256 = hashString "sha256" "${pname}-${toString version}"; };
        buildInputs = [ zlib ] ++ deps;
        configureFlags = [ (if enableShared then "--enable-shared" else "--disable-shared") "--with-zlib=${zlib}" ];
      })
    ({ stdenv, fetchurl, perl, openssl, pname, version, deps }:
      stdenv.mkDerivation {
        inherit pname version;
        src = fetchurl { url = "https://cpan.example/${pname}.tar.gz"; sha256 = hashString "sha256" "cpan-${pname}"; };
        nativeBuildInputs = [ perl ];
        buildInputs = [ openssl ] ++ deps;
        outputs = [ "out" "dev" "man" ];
      })
    ({ stdenv, fetchurl, python, cmake, lib, pname, version, deps }:
      stdenv.mkDerivation {
        inherit pname version;
        src = fetchurl { url = "https://pypi.example/${pname}/${toString version}"; sha256 = hashString "sha256" "py-${pname}"; };
        nativeBuildInputs = [ cmake python ];
        propagatedBuildInputs = deps;
        doCheck = lib.isEven version;
        NIX_CFLAGS_COMPILE = "-O2 -DVERSION=${toString version}";
      })
  ];

  depsOf = i:
    if i < 10 then [ ]
    else genList (k: nm (mod (i * 7 + k * 13) i)) (1 + mod i 5);

  base = self:
    let callPackage = callPackageWith self;
    in {
      lib = { isEven = v: mod v 2 == 0; };

      stdenv = {
        system = "x86_64-linux";
        shell = self.bash;
        mkDerivation = attrs:
          let
            drv = derivation ({
              name = "${attrs.pname}-${toString attrs.version}";
              system = "x86_64-linux";
              builder = "${self.bash}/bin/bash";
              args = [ "-e" "${self.setupScript}" ];
              stdenv = "${self.bash}";
            } // builtins.removeAttrs attrs [ "pname" "version" ]);
          in
          drv // {
            inherit (attrs) pname version;
            overrideAttrs = f: self.stdenv.mkDerivation (attrs // f attrs);
          };
      };

      bash = derivation { name = "bash-5.1"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "install bash" ]; };
      setupScript = builtins.toFile "setup.sh" "genericBuild() { :; }\n";

      fetchurl = callPackage ({ stdenv }: { url, sha256 }:
        derivation {
          name = baseNameOf url;
          system = stdenv.system;
          builder = "${stdenv.shell}/bin/bash";
          args = [ "-c" "curl $url > $out" ];
          inherit url;
          outputHashAlgo = "sha256";
          outputHash = sha256;
        }) { };

      zlib = callPackage (builtins.elemAt recipes 0) { pname = "zlib"; version = 13; deps = [ ]; };
      perl = callPackage (builtins.elemAt recipes 1) { pname = "perl"; version = 534; deps = [ ]; };
      openssl = callPackage (builtins.elemAt recipes 1) { pname = "openssl"; version = 111; deps = [ self.perl ]; };
      python = callPackage (builtins.elemAt recipes 1) { pname = "python"; version = 310; deps = [ self.openssl ]; };
      cmake = callPackage (builtins.elemAt recipes 0) { pname = "cmake"; version = 322; deps = [ self.openssl ]; };
    }
    // listToAttrs (genList
      (i: {
        name = nm i;
        value = callPackage (builtins.elemAt recipes (mod i 4)) {
          pname = nm i;
          version = i;
          deps = map (d: self.${d}) (depsOf i);
        };
      })
      n);

  # Security update: a newer openssl for everyone, and every 7th package
  # rebuilt with a patch through overrideAttrs.
  overlayUpdates = self: super:
    { openssl = super.openssl.overrideAttrs (old: { version = 300; patches = [ "cve.patch" ]; }); }
    // listToAttrs (genList
      (j:
        let i = j * 7 + 3; in {
          name = nm i;
          value = super.${nm i}.overrideAttrs (old: { version = old.version + 1; patches = [ "fix-${toString i}.patch" ]; });
        })
      (n / 7));

  # Static variants of every 11th package, built without shared libraries.
  overlayStatic = self: super:
    listToAttrs (genList
      (j:
        let i = j * 11 + 5; in {
          name = "${nm i}-static";
          value = super.${nm i} // { static = true; } // {
            drvPath = (super.${nm i}.overrideAttrs (old: { dontDisableStatic = true; configureFlags = [ "--disable-shared" ]; })).drvPath;
          };
        })
      (n / 11));

  pkgs = fix (foldl' (f: o: extends o f) base [ overlayUpdates overlayStatic ]);

  packages = filter (v: isAttrs v && hasAttr "drvPath" v) (attrValues pkgs);
  drvPaths = map (p: p.drvPath) packages;
in
{
  count = builtins.length drvPaths;
  hash = hashString "sha256" (concatStringsSep "\n" drvPaths);
}
