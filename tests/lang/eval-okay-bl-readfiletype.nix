# oracle-skip: builtins.readFileType is newer than Nix 2.8 (added in 2.14); expected output written from the Nix manual, section "Built-in Functions", builtins.readFileType
map builtins.readFileType [ ./bl-fixtures/file.txt ./bl-fixtures/sub ./bl-fixtures/link ./bl-fixtures/dirlink ./bl-fixtures/dangling ]
