# hashFile of this very file (unicode in a comment: héllo ☃), of an empty
# file, and through every way of naming a path.
let
  self = ./eval-okay-hash-file.nix;
  str = toString self;
in
{
  algos = map (a: builtins.hashFile a self) [ "md5" "sha1" "sha256" "sha512" ];
  sameAsString = builtins.hashFile "sha256" self == builtins.hashString "sha256" (builtins.readFile self);
  fromString = builtins.hashFile "md5" str;
  fromOutPath = builtins.hashFile "md5" { outPath = str; };
  fromOutPathPath = builtins.hashFile "md5" { outPath = self; };
  fromToString = builtins.hashFile "md5" { __toString = _: str; };
  toStringWins = builtins.hashFile "md5" { __toString = _: str; outPath = "/nonexistent"; };
  nested = builtins.hashFile "md5" { outPath = { outPath = str; }; };
  empty = builtins.hashFile "sha256" /dev/null;
  unused = let x = builtins.hashFile "sha256" ./does-not-exist; in "not read";
}
