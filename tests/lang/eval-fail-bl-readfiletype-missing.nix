# oracle-skip: builtins.readFileType is newer than Nix 2.8 (added in 2.14); expected output written from the Nix manual, section "Built-in Functions", builtins.readFileType
builtins.readFileType ./bl-fixtures/missing
