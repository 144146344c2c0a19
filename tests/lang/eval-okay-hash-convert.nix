# oracle-skip: builtins.convertHash was added after Nix 2.8 (Nix manual, "Built-in Functions", builtins.convertHash); expected output written from the manual's description and examples, digests from Nix 2.8's `nix hash to-base16/to-base32/to-base64/to-sri`
# The hashes of "hello\n" converted between every format: the input format
# is found from the length (or the SRI / algo: prefix), only SRI output
# carries the algorithm.
let
  hex = {
    md5 = "b1946ac92492d2347c6235b4d2611184";
    sha1 = "f572d396fae9206628714fb2ce00f72e94f2258f";
    sha256 = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    sha512 = "e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629";
  };
  formats = [ "base16" "nix32" "base64" "sri" ];
  all = hashAlgo: map (toHashFormat: builtins.convertHash { hash = hex.${hashAlgo}; inherit hashAlgo toHashFormat; }) formats;
in
{
  md5 = all "md5";
  sha1 = all "sha1";
  sha256 = all "sha256";
  sha512 = all "sha512";
  fromNix32 = builtins.convertHash { hash = "00xyyr3fi8l6hb839bv3f7yb86yjv7xi1cgh1xnhipym4asvb4aq"; hashAlgo = "sha256"; toHashFormat = "base16"; };
  fromPrefixedBase64 = builtins.convertHash { hash = "sha1:9XLTlvrpIGYocU+yzgD3LpTyJY8="; toHashFormat = "nix32"; };
  fromPrefixedNix32 = builtins.convertHash { hash = "md5:4425hx5d1mc9y39llj4k4nm55i"; toHashFormat = "base64"; };
  fromSri = builtins.convertHash { hash = "sha512-58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ=="; toHashFormat = "base16"; };
  sriAndAlgo = builtins.convertHash { hash = "sha1-9XLTlvrpIGYocU+yzgD3LpTyJY8="; hashAlgo = "sha1"; toHashFormat = "base16"; };
  base32Alias = builtins.convertHash { hash = hex.md5; hashAlgo = "md5"; toHashFormat = "base32"; };
  upperCaseBase16 = builtins.convertHash { hash = "B1946AC92492D2347C6235B4D2611184"; hashAlgo = "md5"; toHashFormat = "base64"; };
  sriToSri = builtins.convertHash { hash = "md5-sZRqySSS0jR8YjW00mERhA=="; toHashFormat = "sri"; };
  extraAttributesIgnored = builtins.convertHash { hash = hex.sha1; hashAlgo = "sha1"; toHashFormat = "sri"; other = throw "not forced"; };
  roundTrip = builtins.convertHash { hash = builtins.convertHash { hash = builtins.hashString "sha256" "x"; hashAlgo = "sha256"; toHashFormat = "nix32"; }; hashAlgo = "sha256"; toHashFormat = "base16"; } == builtins.hashString "sha256" "x";
  unused = let bad = builtins.convertHash { hash = "nonsense"; toHashFormat = "nope"; }; in "lazy";
}
