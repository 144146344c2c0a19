scopedImport { } ./scoped/plain.nix 21
