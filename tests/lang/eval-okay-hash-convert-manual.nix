# oracle-skip: builtins.convertHash was added after Nix 2.8 (Nix manual, "Built-in Functions", builtins.convertHash); expected output written from the manual's description and examples, digests from Nix 2.8's `nix hash to-base16/to-base32/to-base64/to-sri`
# The three examples of the manual.
[
  (builtins.convertHash {
    hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    toHashFormat = "sri";
    hashAlgo = "sha256";
  })
  (builtins.convertHash {
    hash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    toHashFormat = "base16";
  })
  (builtins.convertHash {
    hash = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    toHashFormat = "sri";
  })
]
