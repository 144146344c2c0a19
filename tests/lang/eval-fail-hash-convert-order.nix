# oracle-skip: builtins.convertHash was added after Nix 2.8 (Nix manual, "Built-in Functions", builtins.convertHash); expected output written from the manual's description and examples, digests from Nix 2.8's `nix hash to-base16/to-base32/to-base64/to-sri`
# hash is forced before hashAlgo and toHashFormat.
builtins.convertHash { hash = throw "hash first"; hashAlgo = throw "algo"; toHashFormat = throw "format"; }
