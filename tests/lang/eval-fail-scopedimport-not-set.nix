scopedImport 1 ./scoped/plain.nix
